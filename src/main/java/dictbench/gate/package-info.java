/**
 * The performance-regression gate. {@link dictbench.gate.Comparison} compares two runs:
 * {@link dictbench.gate.EnvironmentCheck} checks they share an {@code EnvironmentKey},
 * {@link dictbench.gate.Pairing} pairs their benchmarks, {@code stats.PerformanceChange} judges each pair. Its
 * {@link dictbench.gate.Comparison#FORMATS} write it: {@link dictbench.gate.MarkdownFormat} (the summary
 * for a pull request), {@link dictbench.gate.JsonFormat}, and the exports
 * {@link dictbench.gate.GithubActionBenchmarkFormat} and {@link dictbench.gate.BencherFormat}.
 * {@link dictbench.gate.Calibration} measures the gate's false-alarm and detection rates on real runs.
 *
 * <p>May import {@code results}, {@code format}, {@code stats} and {@code run}; never {@code load},
 * {@code bench} or JMH. No printing: errors are {@code results.ResultsException}s naming the file.
 */
package dictbench.gate;
