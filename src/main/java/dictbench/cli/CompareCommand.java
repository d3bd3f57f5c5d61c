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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Mixin
    GateOptions gate;

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
        PerformanceChange.Settings settings = gate.settings(command.commandLine());
        Comparison report = Comparison.compare(baseline, current, settings, allowEnvMismatch);
        Path dir = out != null ? out : current.getFirst().toAbsolutePath().getParent();
        Files.createDirectories(dir);
        List<Path> written = OutputFormat.writeAll(Comparison.FORMATS, report, dir);
        // stdout carries only the Markdown, so it can be piped into a PR comment or a job summary
        command.commandLine().getOut().print(new MarkdownFormat().render(report));
        command.commandLine().getOut().flush();
        command.commandLine().getErr().println("wrote " + written.stream().map(Path::toString).collect(Collectors.joining(", ")));
        return report.failed() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }
}
