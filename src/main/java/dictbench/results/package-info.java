/**
 * Reading what a run left behind: {@link dictbench.results.JmhResults} (JMH JSON into
 * {@link dictbench.results.BenchmarkResult}s), {@link dictbench.results.Environment} ({@code environment.json},
 * read beside each JMH JSON file, and captured here when a run writes it), {@link dictbench.results.Timeline}
 * (per-file spans written by {@code bench.TimelineRecorder}), and {@link dictbench.results.Results}, which
 * groups them by {@link dictbench.results.EnvironmentKey} and then dataset and format so results from
 * different environments are never compared. The report and the gate both start here.
 *
 * <p>May import {@code run}, {@code stats}, {@code os} (atomic writes) and Jackson; never JMH. No printing:
 * errors are {@link dictbench.results.ResultsException}s naming the file.
 */
package dictbench.results;
