package dictbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dictbench.dataset.Datasets;
import dictbench.dataset.Manifest;
import dictbench.format.OutputFormat;
import dictbench.gate.Comparison;
import dictbench.gate.MarkdownFormat;
import dictbench.os.JvmFlags;
import dictbench.results.BenchmarkResult;
import dictbench.results.JmhResults;
import dictbench.results.Provenance;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dictbench ab --a A.jar --b B.jar --out DIR -- JMH_ARGS}: an A/B experiment of two builds. Runs
 * each build's benchmark jar in turn with the same JMH arguments, round after round (A, B, A, B…), so the
 * machine's drift falls on both alike; then merges each side's rounds into one run directory (its forks
 * pooled, with {@code environment.json}, summary and report) and judges B against A with the gate.
 *
 * <pre>
 * DIR/A/rounds/1.json, 1.log …   each round's JMH JSON and console, as JMH wrote them
 * DIR/A/jmh.json …               the rounds merged (JmhResults.merged), environment.json, summary.md, report.*
 * DIR/B/…                        the same for B
 * DIR/compare/gate.md …          compare --baseline DIR/A/jmh.json --current DIR/B/jmh.json
 * </pre>
 *
 * Exit codes as {@code compare}'s: 0 no regression, 1 B regressed, 2 bad input or a failed round.
 */
@Command(name = "ab", mixinStandardHelpOptions = true,
        description = {"Run two builds' benchmark jars in turn, round after round, merge each side's rounds and compare B "
                + "against A with the regression gate.",
                "Everything after -- goes to both jars as JMH arguments (benchmarks, -p, -f, -wi, -i, -jvmArgsAppend…).",
                "Exit codes: 0 no regression, 1 B regressed, 2 bad input or a failed round."})
final class AbCommand implements Callable<Integer> {

    /** JMH options dictbench sets itself for every round: where the results go and in what form. */
    private static final Set<String> RESERVED = Set.of("-rf", "-rff", "-o");

    @Spec
    CommandSpec command;

    @Option(names = "--a", required = true, paramLabel = "JAR", description = "The baseline build's benchmarks jar.")
    Path jarA;

    @Option(names = "--b", required = true, paramLabel = "JAR", description = "The build to judge, a benchmarks jar.")
    Path jarB;

    @Option(names = "--names", paramLabel = "A,B", split = ",", defaultValue = "A,B",
            description = "What to call the two sides, letters, digits and _ (default: ${DEFAULT-VALUE}).")
    List<String> names;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "2", description = "Rounds of A then B (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "A new or empty directory for the experiment.")
    Path out;

    @Mixin
    GateOptions gate;

    @Parameters(paramLabel = "JMH_ARGS", arity = "1..*", description = "JMH arguments for both jars, after --.")
    List<String> jmhArgs;

    @Override
    public Integer call() throws IOException {
        Instant started = Instant.now();
        var settings = gate.settings(command.commandLine());
        checkArguments();
        List<Side> sides = List.of(new Side(names.get(0), jarA), new Side(names.get(1), jarB));
        Files.createDirectories(out);
        for (int round = 1; round <= rounds; round++) {
            for (Side side : sides) {
                long t0 = System.nanoTime();
                command.commandLine().getErr().printf("round %d of %d: %s (%s) ...%n", round, rounds, side.name(), side.jar());
                runRound(side, round);
                command.commandLine().getErr().printf("round %d of %d: %s done in %s%n", round, rounds, side.name(),
                        seconds(System.nanoTime() - t0));
            }
        }
        List<Path> merged = new ArrayList<>();
        for (Side side : sides) {
            merged.add(writeSide(side, started));
        }
        Path compareDir = out.resolve("compare");
        Files.createDirectories(compareDir);
        Comparison comparison = Comparison.compare(merged.get(0), merged.get(1), settings, false);
        OutputFormat.writeAll(Comparison.FORMATS, comparison, compareDir);
        command.commandLine().getOut().print(new MarkdownFormat().render(comparison));
        command.commandLine().getOut().flush();
        command.commandLine().getErr().println("wrote " + out + " (" + sides.get(0).name() + "/, " + sides.get(1).name()
                + "/, compare/gate.md)");
        return comparison.failed() ? ExitCodes.REGRESSION : ExitCodes.OK;
    }

    private record Side(String name, Path jar) {
        Path dir(Path out) {
            return out.resolve(name);
        }

        Path round(Path out, int round, String extension) {
            return dir(out).resolve("rounds").resolve(round + extension);
        }
    }

    private void checkArguments() throws IOException {
        if (names.size() != 2 || names.stream().anyMatch(n -> !n.matches("[A-Za-z0-9_]+")) || names.get(0).equals(names.get(1))) {
            throw new ParameterException(command.commandLine(),
                    "--names needs two different names of letters, digits and _, separated by a comma, e.g. old,new; got " + names);
        }
        if (names.contains("compare")) {
            throw new ParameterException(command.commandLine(), "--names: 'compare' is where the comparison goes; pick another name");
        }
        if (rounds < 1) {
            throw new ParameterException(command.commandLine(), "--rounds must be at least 1, got " + rounds);
        }
        for (Path jar : List.of(jarA, jarB)) {
            if (!Files.isRegularFile(jar)) {
                throw new ParameterException(command.commandLine(), "no such jar: " + jar
                        + " (build one with 'mvn -B -DskipTests package' and copy target/benchmarks.jar)");
            }
        }
        for (String arg : jmhArgs) {
            if (RESERVED.contains(arg)) {
                throw new ParameterException(command.commandLine(), "JMH argument " + arg
                        + " is set by dictbench ab (each round's JSON goes to OUT/SIDE/rounds/); leave it out");
            }
        }
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new ParameterException(command.commandLine(), "--out " + out + " exists and is not a directory");
            }
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new ParameterException(command.commandLine(), "--out " + out
                            + " is not empty; give a new directory, so no round of an earlier experiment is mixed in");
                }
            }
        }
    }

    /** Runs one jar once with the JMH arguments; its JSON and console go to its side's rounds/. */
    private void runRound(Side side, int round) throws IOException {
        Path json = side.round(out, round, ".json");
        Path log = side.round(out, round, ".log");
        Files.createDirectories(json.getParent());
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(hostFlags());
        cmd.add("-D" + Datasets.ROOT_PROPERTY + "=" + Datasets.root());
        cmd.add("-jar");
        cmd.add(side.jar().toString());
        cmd.addAll(jmhArgs);
        cmd.addAll(List.of("-rf", "json", "-rff", json.toString()));
        Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a JMH run forks JVMs of its own: none of them may outlive this command if it is told to stop
        AtomicReference<Process> running = new AtomicReference<>(process);
        Thread reaper = Thread.ofPlatform().unstarted(() -> destroy(running.get()));
        Runtime.getRuntime().addShutdownHook(reaper);
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            destroy(process);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during round " + round + " of " + side.name() + "; stopped its JVMs");
        } finally {
            running.set(null);
            Runtime.getRuntime().removeShutdownHook(reaper);
        }
        if (status != 0 || !Files.isRegularFile(json)) {
            Files.deleteIfExists(json);
            throw new IOException("round " + round + " of " + side.name() + " failed (exit " + status + "): " + lastLine(log)
                    + "; its output is in " + log);
        }
    }

    /** The JVM flags this JVM was given that the jars need too (native access, module openings). */
    private static List<String> hostFlags() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> JvmFlags.grantsAccessOnly(a) || a.startsWith("--sun-misc-unsafe-memory-access"))
                .toList();
    }

    private static void destroy(Process process) {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /**
     * Merges a side's rounds into its run directory: {@code jmh.json} with every round's forks, the
     * environment of its forks (their JVM flags as JMH recorded them, the datasets their params name), the
     * summary and the report.
     */
    private Path writeSide(Side side, Instant started) throws IOException {
        List<Path> roundFiles = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            roundFiles.add(side.round(out, round, ".json"));
        }
        ArrayNode merged = JmhResults.merged(roundFiles);
        try (RunDirectory run = RunDirectory.open(side.dir(out))) {
            run.writeJmhJson(merged);
            List<BenchmarkResult> results = JmhResults.read(run.layout().jmhJson());
            Set<String> datasets = new LinkedHashSet<>();
            List<Manifest> manifests = new ArrayList<>();
            for (BenchmarkResult r : results) {
                String dataset = r.param("dataset").orElse(null);
                String format = r.param("format").orElse("binary");
                if (dataset != null && datasets.add(dataset + "/" + format)) {
                    manifests.add(Datasets.manifest(Datasets.spec(dataset).withFormat(format)));
                }
            }
            run.describe(results.getFirst().jvmArgs(), Map.of(), manifests, Provenance.of(Optional.empty(), Optional.of(side.jar()),
                    BenchCommand.commandLine(command), "ab", side.name(), started));
            run.summarise("dictbench ab: " + side.name() + " (" + side.jar() + "), " + rounds + " round" + (rounds == 1 ? "" : "s")
                    + " of " + String.join(" ", jmhArgs));
            run.report();
            run.finish();
            return run.layout().jmhJson();
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "no output" : lines.getLast().strip();
        } catch (IOException e) {
            return "its log cannot be read";
        }
    }

    private static String seconds(long nanos) {
        return Duration.ofNanos(nanos).toSeconds() + " s";
    }
}
