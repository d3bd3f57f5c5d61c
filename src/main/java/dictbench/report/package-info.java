/**
 * From JMH results to what a reader sees: the report and the regression gate.
 *
 * <p><b>Reading.</b> {@link dictbench.report.JmhResults} (JMH JSON into {@link dictbench.report.BenchmarkResult}s),
 * {@link dictbench.report.Environment} ({@code environment.json}, read beside each JMH JSON file),
 * {@link dictbench.report.Timeline} (per-file spans written by {@code bench.TimelineRecorder}), and
 * {@link dictbench.report.Results}, which groups them by {@link dictbench.report.EnvironmentKey} and then
 * dataset and format so results from different environments are never compared.
 *
 * <p><b>Report.</b> Analyses over {@code dictbench.stats}: {@link dictbench.report.SummaryTable} (headline),
 * {@link dictbench.report.Scaling}, {@link dictbench.report.Limits}, {@link dictbench.report.ColdOverlap}
 * (cold loads against their bounds), {@link dictbench.report.CpuUse} (CPU per shot: busy, floor, cores
 * busy), {@link dictbench.report.SubprocessOverhead}, and {@code Findings}
 * (the explanations in words). {@link dictbench.report.Report} writes Markdown, CSV and a self-contained
 * HTML page; tables share one model ({@code Table}) rendered by {@code TableFormat}, cells are formatted by
 * {@code Cells}, charts are plain SVG ({@code Svg}, {@code Charts}).
 *
 * <p><b>Regression gate.</b> {@link dictbench.report.GateReport} compares two runs: {@link
 * dictbench.report.GateEnvironment} checks they share an {@code EnvironmentKey}, {@link
 * dictbench.report.GateComparison} pairs their benchmarks, {@code stats.Regression} judges each pair. The
 * {@link dictbench.report.GateFormat}s write it: {@link dictbench.report.GateMarkdown}, {@link
 * dictbench.report.GateJson}, and the exports {@link dictbench.report.GateGithubActionBenchmark} and {@link
 * dictbench.report.GateBencher}. {@link dictbench.report.GateCalibration} measures the gate's false-alarm
 * and detection rates on real runs.
 *
 * <p>May import {@code stats}, {@code dataset.AtomicFiles} (atomic writes) and Jackson; never {@code load},
 * {@code bench} or JMH. No printing: errors are {@link dictbench.report.ResultsException}s naming the file.
 */
package dictbench.report;
