package dictbench.results;

import dictbench.gate.EnvironmentCheck;
import dictbench.os.JvmFlags;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * What must match for results to share a table, and for the regression gate to compare two runs
 * ({@link EnvironmentCheck}): CPU, cores, JDK, JVM flags and dataset hash. Results that differ in any of
 * these are never compared. The dataset's name is not part of it: the hash says which data was loaded
 * (a dataset's tmpfs twin has the same hash). {@code -Ddictbench.*} properties (paths such as the
 * checkout root or the timeline directory) are not part of the JVM flags: they do not change what is
 * measured, only where files are.
 *
 * @param cpu         CPU model, or a note that it is unknown
 * @param cores       available processors; empty without {@code environment.json}
 * @param jdk         JDK vendor and version
 * @param jvmFlags    the forks' JVM flags, without {@code -Ddictbench.*}
 * @param datasetHash the dataset spec hash(es), or "unknown"
 */
public record EnvironmentKey(String cpu, OptionalInt cores, String jdk, List<String> jvmFlags, String datasetHash) {

    static final String UNKNOWN = "unknown (no environment.json)";

    public EnvironmentKey {
        // flags that only grant access (native access, module openings) change no result, and a new store may need more of them
        jvmFlags = jvmFlags.stream().filter(f -> !f.startsWith("-Ddictbench.") && !JvmFlags.grantsAccessOnly(f)).toList();
    }

    /** The key of a run described by {@code environment.json}; each heap profile's flags count as flags ("heap sized: -Xmx…"). */
    public static EnvironmentKey of(Environment e) {
        List<String> flags = new java.util.ArrayList<>(e.jvmArgs());
        e.heapProfiles().forEach((profile, profileFlags) ->
                flags.add("heap " + profile + ": " + (profileFlags.isEmpty() ? "no flags" : String.join(" ", profileFlags))));
        return new EnvironmentKey(e.cpuModel(), e.cores() > 0 ? OptionalInt.of(e.cores()) : OptionalInt.empty(), e.jdk(),
                flags, e.datasetHash());
    }

    /** The best a JMH result alone can say: its JDK and JVM flags; CPU, cores and dataset hash unknown. */
    public static EnvironmentKey of(BenchmarkResult r) {
        return new EnvironmentKey(UNKNOWN, OptionalInt.empty(), (r.vmName() + " " + r.jdkVersion()).strip(), r.jvmArgs(), "unknown");
    }

    /** One line for a heading: {@code AMD EPYC, 2 cores, Eclipse Adoptium 25.0.3+9-LTS, flags -Xmx5g, dataset hash binary=e3ee0208702b}. */
    public String describe() {
        String hashes = java.util.Arrays.stream(datasetHash.split(","))
                .map(h -> h.length() > 24 && h.contains("=") ? h.substring(0, h.indexOf('=') + 13) : h)
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s, %s cores, %s, JVM flags: %s, dataset hash: %s", cpu,
                cores.isPresent() ? String.valueOf(cores.getAsInt()) : "unknown", jdk,
                jvmFlags.isEmpty() ? "none" : String.join(" ", jvmFlags), hashes);
    }
}
