package dictbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether two runs come from comparable environments, judged from the {@code environment.json} that
 * {@code dictbench bench} writes beside each {@code jmh.json}. Compared: CPU model, core count, JDK
 * (vendor and full version), the forks' JVM flags, and the dataset hash. Not compared: the host name,
 * timestamps, kernel, memory and mounts (a CI runner is a fresh machine of the same kind every time), and
 * the {@code -Ddictbench.root=} flag, which names the checkout's path and does not change the work done.
 *
 * @param baseline the baseline's environment, empty if it has no {@code environment.json}
 * @param current the current run's environment, empty if it has no {@code environment.json}
 * @param differences one phrase per difference or missing file, empty when the runs are comparable
 */
public record GateEnvironment(Optional<Environment> baseline, Optional<Environment> current, List<String> differences) {

    /** The file name {@code dictbench bench} gives the environment beside {@code jmh.json}. */
    public static final String FILE_NAME = "environment.json";

    /** JVM flags that name paths, not behaviour; left out of the comparison. */
    static final List<String> IGNORED_FLAG_PREFIXES = List.of("-Ddictbench.root=");

    public GateEnvironment {
        differences = List.copyOf(differences);
    }

    /**
     * Reads the environment beside each JMH JSON file and compares them.
     *
     * @throws ResultsException if an {@code environment.json} exists but cannot be read as one
     */
    public static GateEnvironment check(Path baselineJson, Path currentJson) throws IOException {
        Optional<Environment> b = read(baselineJson);
        Optional<Environment> c = read(currentJson);
        List<String> differences = new ArrayList<>();
        if (b.isEmpty()) {
            differences.add("the baseline has no " + FILE_NAME + " beside " + baselineJson);
        }
        if (c.isEmpty()) {
            differences.add("the current run has no " + FILE_NAME + " beside " + currentJson);
        }
        if (b.isPresent() && c.isPresent()) {
            differences.addAll(compare(b.get(), c.get()));
        }
        return new GateEnvironment(b, c, differences);
    }

    /** What differs between two environments, one phrase per field, baseline first. */
    static List<String> compare(Environment b, Environment c) {
        List<String> out = new ArrayList<>();
        differ(out, "CPU model", b.cpuModel(), c.cpuModel());
        differ(out, "cores", b.cores(), c.cores());
        differ(out, "JDK", b.jdk(), c.jdk());
        List<String> bFlags = flags(b.jvmArgs());
        List<String> cFlags = flags(c.jvmArgs());
        if (!bFlags.equals(cFlags)) {
            out.add("JVM flags " + bFlags + " vs " + cFlags);
        }
        differ(out, "dataset hash", b.dataset() + " " + b.datasetHash(), c.dataset() + " " + c.datasetHash());
        return out;
    }

    /** True when nothing differs and both environments were found. */
    public boolean matches() {
        return differences.isEmpty();
    }

    /** The one line a user reads when the gate refuses to compare. */
    public String refusal() {
        return "the runs are not comparable: " + String.join("; ", differences) + " (baseline vs current)"
                + "; run both on one machine with the same JDK, flags and dataset, or pass --allow-env-mismatch to compare anyway";
    }

    private static Optional<Environment> read(Path jmhJson) throws IOException {
        Path file = jmhJson.toAbsolutePath().resolveSibling(FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(Environment.read(file)) : Optional.empty();
    }

    private static List<String> flags(List<String> jvmArgs) {
        return jvmArgs.stream().filter(a -> IGNORED_FLAG_PREFIXES.stream().noneMatch(a::startsWith)).toList();
    }

    private static void differ(List<String> out, String what, Object b, Object c) {
        if (!Objects.equals(b, c)) {
            out.add(what + " '" + b + "' vs '" + c + "'");
        }
    }
}
