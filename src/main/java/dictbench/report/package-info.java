/**
 * From JMH results to what a reader sees. Reading: {@link dictbench.report.JmhResults} (JMH JSON),
 * {@link dictbench.report.Environment} ({@code environment.json}), {@link dictbench.report.Timeline}
 * (per-file spans written by {@code bench.TimelineRecorder}), and {@link dictbench.report.Results},
 * which groups them by {@link dictbench.report.EnvironmentKey} and then dataset and format so results
 * from different environments are never compared. Analyses over {@code dictbench.stats}:
 * {@link dictbench.report.SummaryTable} (headline), {@link dictbench.report.Scaling},
 * {@link dictbench.report.Limits}, {@link dictbench.report.SubprocessOverhead}. Output:
 * {@link dictbench.report.Report} writes Markdown, CSV and a self-contained HTML page; tables share one
 * model ({@code Table}) rendered by {@code TableFormat}, charts are plain SVG ({@code Svg}, {@code Charts}).
 *
 * <p>May import {@code stats}, {@code dataset.AtomicFiles} (atomic writes) and Jackson; never {@code load},
 * {@code bench} or JMH. No printing: errors are {@link dictbench.report.ResultsException}s naming the file.
 */
package dictbench.report;
