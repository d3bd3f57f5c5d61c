package dictbench.cli;

import dictbench.format.OutputFormat;
import dictbench.gate.Comparison;
import dictbench.gate.MarkdownFormat;
import dictbench.stats.PerformanceChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code dictbench compare --baseline A.json --current B.json}: the performance-regression gate. Judges
 * every benchmark both JMH runs have (several files a side are pooled as one run, their forks together) ({@link PerformanceChange}), prints the Markdown summary on stdout, writes
 * it with the gate's JSON and the github-action-benchmark and Bencher exports, and exits 1 if anything
 * REGRESSED, 0 if not, 2 on bad input.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare a run with a baseline, benchmark by benchmark, and fail (exit 1) on a significant regression "
                + "beyond the threshold.",
                "Exit codes: 0 no regression, 1 at least one REGRESSED, 2 bad input (missing or malformed file, "
                        + "different environments, nothing in common)."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Option(names = "--baseline", required = true, arity = "1..*", paramLabel = "JSON",
            description = "The baseline's JMH JSON (e.g. results/baseline/jmh.json); several files (rounds of one build) are pooled as one run.")
    List<Path> baseline;

    @Option(names = "--current", required = true, arity = "1..*", paramLabel = "JSON",
            description = "The run to judge, JMH JSON; several files are pooled as one run.")
    List<Path> current;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5%", converter = Fraction.class,
            description = "Smallest change worth failing for, as 5%% or 0.05 (default: 5%%).")
    double threshold;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.01",
            description = "Significance level after correction, in (0, 0.5]; intervals are at 1-A (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--correction", paramLabel = "holm|bh", defaultValue = "holm", converter = CorrectionConverter.class,
            description = "Multiple-comparison correction: holm (family-wise error) or bh (Benjamini-Hochberg, false discovery rate) "
                    + "(default: ${DEFAULT-VALUE}).")
    PerformanceChange.Correction correction;

    @Option(names = "--allow-env-mismatch",
            description = "Compare even when the runs' environments (CPU, cores, JDK, JVM flags, dataset) differ or are unknown; "
                    + "the report is flagged.")
    boolean allowEnvMismatch;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write gate.md, gate.json, github-action-benchmark.json, bencher.json "
                    + "(default: the directory of the first current file).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PerformanceChange.Settings settings;
        try {
            settings = PerformanceChange.Settings.defaults().withThreshold(threshold).withAlpha(alpha).withCorrection(correction);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--" + e.getMessage());
        }
        Comparison report = Comparison.compare(baseline, current, settings, allowEnvMismatch);
        Path dir = out != null ? out : current.getFirst().toAbsolutePath().getParent();
        Files.createDirectories(dir);
        List<Path> written = OutputFormat.writeAll(Comparison.FORMATS, report, dir);
        // stdout carries only the Markdown, so it can be piped into a PR comment or a job summary
        command.commandLine().getOut().print(new MarkdownFormat().render(report));
        command.commandLine().getOut().flush();
        command.commandLine().getErr().println("wrote " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
        return report.regressed() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    /** {@code 5%} → 0.05; {@code 0.05} → 0.05; a bare number of 1 or more is refused as ambiguous. */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String v = value.strip();
            try {
                if (v.endsWith("%")) {
                    return Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100;
                }
                double f = Double.parseDouble(v);
                if (f >= 1) {
                    throw new TypeConversionException("'" + value + "' is ambiguous: write " + v + "% or a fraction below 1");
                }
                return f;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a percentage like 5% or a fraction like 0.05");
            }
        }
    }

    /** {@code holm} or {@code bh} (also {@code benjamini-hochberg}), any case. */
    static final class CorrectionConverter implements ITypeConverter<PerformanceChange.Correction> {
        @Override
        public PerformanceChange.Correction convert(String value) {
            try {
                return PerformanceChange.Correction.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
