/**
 * From results to what a reader sees. Analyses over {@code dictbench.stats}:
 * {@link dictbench.report.SummaryTable} (headline), {@link dictbench.report.Scaling},
 * {@link dictbench.report.Limits}, {@link dictbench.report.ColdOverlap} (cold loads against their bounds),
 * {@link dictbench.report.CpuUse} (CPU per shot: busy, floor, cores busy),
 * {@link dictbench.report.SubprocessOverhead}, and {@code Findings} (the explanations in words).
 * {@link dictbench.report.Report} writes them as Markdown, CSV and a self-contained HTML page
 * ({@link dictbench.report.Report#FORMATS}), its charts drawn by {@code Charts}.
 *
 * <p>May import {@code results}, {@code format}, {@code stats} and {@code run}; never {@code load},
 * {@code bench} or JMH. No printing.
 */
package dictbench.report;
