package dictbench.gate;

import dictbench.results.Environment;
import dictbench.results.EnvironmentKey;
import dictbench.results.ResultsException;
import dictbench.run.RunLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether two runs come from comparable environments, judged from the {@value RunLayout#ENVIRONMENT_JSON}
 * that {@code dictbench bench} writes beside each {@code jmh.json}. Comparable means the same
 * {@link EnvironmentKey}, the definition the report groups by: CPU model, core count, JDK (vendor and full
 * version), the forks' JVM flags without {@code -Ddictbench.*} (paths such as the checkout's, which do not
 * change the work done), and the dataset hash. Not compared: the host name, timestamps, kernel, memory and
 * mounts (a CI runner is a fresh machine of the same kind every time), and the dataset's name (the hash
 * says which data was loaded; the benchmarks' {@code dataset} param still has to match to pair them).
 *
 * @param baseline the baseline's environment, empty if it has no {@value RunLayout#ENVIRONMENT_JSON}
 * @param current the current run's environment, empty if it has no {@value RunLayout#ENVIRONMENT_JSON}
 * @param differences one phrase per difference or missing file, empty when the runs are comparable
 */
public record EnvironmentCheck(Optional<Environment> baseline, Optional<Environment> current, List<String> differences) {

    public EnvironmentCheck {
        differences = List.copyOf(differences);
    }

    /** {@link #check(List, List)} of one file a side. */
    public static EnvironmentCheck check(Path baselineJson, Path currentJson) throws IOException {
        return check(List.of(baselineJson), List.of(currentJson));
    }

    /**
     * Reads the environment beside each JMH JSON file and compares the sides. The files of one side, pooled
     * as one run, must share an environment too; a side's environment is its first file's.
     *
     * @throws ResultsException if an {@value RunLayout#ENVIRONMENT_JSON} exists but cannot be read as one
     */
    public static EnvironmentCheck check(List<Path> baselineJsons, List<Path> currentJsons) throws IOException {
        List<String> differences = new ArrayList<>();
        Optional<Environment> b = side("the baseline", baselineJsons, differences);
        Optional<Environment> c = side("the current run", currentJsons, differences);
        if (b.isPresent() && c.isPresent()) {
            differences.addAll(compare(b.get(), c.get()));
        }
        return new EnvironmentCheck(b, c, differences);
    }

    /** One side's environment, noting each file without one and each file whose environment differs from the first's. */
    private static Optional<Environment> side(String role, List<Path> jsons, List<String> differences) throws IOException {
        Optional<Environment> first = Optional.empty();
        for (Path json : jsons) {
            Optional<Environment> e = Environment.beside(json);
            if (e.isEmpty()) {
                differences.add(role + " has no " + RunLayout.ENVIRONMENT_JSON + " beside " + json);
            } else if (first.isEmpty()) {
                first = e;
            } else {
                List<String> within = compare(first.get(), e.get());
                if (!within.isEmpty()) {
                    differences.add(role + "'s " + json + " differs from its first file: " + String.join("; ", within));
                }
            }
        }
        return first;
    }

    /**
     * What differs between two environments' {@link EnvironmentKey}s, one phrase per field, baseline first;
     * empty exactly when the keys are equal.
     */
    static List<String> compare(Environment baseline, Environment current) {
        EnvironmentKey b = EnvironmentKey.of(baseline);
        EnvironmentKey c = EnvironmentKey.of(current);
        if (b.equals(c)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        differ(out, "CPU model", b.cpu(), c.cpu());
        differ(out, "cores", cores(b), cores(c));
        differ(out, "JDK", b.jdk(), c.jdk());
        if (!b.jvmFlags().equals(c.jvmFlags())) {
            out.add("JVM flags " + b.jvmFlags() + " vs " + c.jvmFlags());
        }
        differ(out, "dataset hash", b.datasetHash(), c.datasetHash());
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

    private static String cores(EnvironmentKey k) {
        return k.cores().isPresent() ? String.valueOf(k.cores().getAsInt()) : "unknown";
    }

    private static void differ(List<String> out, String what, Object b, Object c) {
        if (!Objects.equals(b, c)) {
            out.add(what + " '" + b + "' vs '" + c + "'");
        }
    }
}
