package dictbench.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The heap a benchmark fork runs with: a factor of every load benchmark (its {@code heap} param), compared
 * within one run. The flags a profile stands for depend on the dataset and are made by
 * {@code bench.ForkHeap}; a fork checks that its JVM is the one its profile claims before it times a shot.
 */
public enum HeapProfile {
    /**
     * A fixed heap whose young generation holds a whole shot ({@code load.HeapBudget}): times a strategy's
     * own work, the lower bound, and what the published headline used to be alone.
     */
    SIZED("sized", Optional.empty()),
    /** No heap flags: the JVM's own ergonomics on this machine, as {@code java -jar app.jar} gets them. */
    DEFAULT("default", Optional.empty()),
    /** G1 (the JDK's default collector) with a fixed {@code -Xmx} for the dataset and no young-generation sizing. */
    G1("g1", Optional.of("G1")),
    /** The parallel (throughput) collector, fixed {@code -Xmx}, no young-generation sizing. */
    PARALLEL("parallel", Optional.of("Parallel")),
    /** ZGC (generational on JDK 23+), fixed {@code -Xmx}. */
    ZGC("zgc", Optional.of("Z")),
    /** The serial collector, fixed {@code -Xmx}, no young-generation sizing. */
    SERIAL("serial", Optional.of("Serial")),
    /** Shenandoah, where the JDK has it, fixed {@code -Xmx}. */
    SHENANDOAH("shenandoah", Optional.of("Shenandoah"));

    private final String key;
    private final Optional<String> collector;

    HeapProfile(String key, Optional<String> collector) {
        this.key = key;
        this.collector = collector;
    }

    /** The profile as the {@code heap} param, {@code --heap} and the report name it. */
    public String key() {
        return key;
    }

    /** The collector the profile pins, as HotSpot's flag names it ({@code -XX:+Use<name>GC}); empty for sized and default. */
    public Optional<String> collector() {
        return collector;
    }

    /** {@code -XX:+UseG1GC} and the like; empty for sized and default. */
    public Optional<String> collectorFlag() {
        return collector.map(c -> "-XX:+Use" + c + "GC");
    }

    /** The profiles of one collector each. */
    public static List<HeapProfile> collectors() {
        return Arrays.stream(values()).filter(p -> p.collector.isPresent()).toList();
    }

    /** Where the profile or state called {@code key} comes in tables and reports: its place here; unknown keys last. */
    public static int order(String key) {
        for (HeapProfile v : values()) {
            if (v.key.equals(key)) {
                return v.ordinal();
            }
        }
        return values().length;
    }

    /**
     * The profile called {@code key} (any case, blanks ignored).
     *
     * @throws IllegalArgumentException naming the profiles there are
     */
    public static HeapProfile named(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.key.equals(k)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown heap profile '" + key + "'; known: " + Arrays.stream(values()).map(HeapProfile::key).toList()));
    }
}
