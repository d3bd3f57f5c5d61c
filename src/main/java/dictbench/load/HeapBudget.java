package dictbench.load;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import dictbench.dataset.Manifest;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * How much heap loading a dataset needs, and how to lay it out, so a run that cannot fit says so
 * before it starts and the collector does not dominate what is measured.
 *
 * <p>One shot allocates about {@value #BYTES_PER_ENTRY} bytes per entry (64-bit JVM, compressed
 * oops: HashMap node 32, two Strings 2 x 24, their byte arrays 2 x 16 plus the characters, the
 * table, alignment) plus the file bytes read into memory: JMH's {@code -prof gc} measured 1.97 GB
 * per shot on the default dataset (6 M entries, 408 MB), and this estimate gives 2.02 GB. The
 * young generation is sized so that eden ({@value #EDEN_SHARE} of it with the default survivor
 * ratio) holds one shot's allocation with {@value #YOUNG_HEADROOM}x room: the maps being built are
 * not copied between survivor spaces mid-shot. The old generation holds {@value #OLD_SHOTS} shots. With the
 * JVM's default heap sizing instead, G1 evacuation pauses copying the half-built maps took a large
 * and variable share of each shot (see {@code -Xlog:gc}), which hid the differences between strategies.
 */
public final class HeapBudget {
    static final long BYTES_PER_ENTRY = 200;
    static final double YOUNG_HEADROOM = 1.25;
    static final double EDEN_SHARE = 0.8;
    static final int OLD_SHOTS = 2;
    /** Below this, JVM start-up and JMH itself dominate: never ask for less. */
    static final long MIN_HEAP = 512L << 20;
    private static final long ROUND = 256L << 20;

    private HeapBudget() {
    }

    /** Bytes one shot that loads every file of {@code manifest} allocates. */
    public static long shotBytes(Manifest manifest) {
        return manifest.totalEntries() * BYTES_PER_ENTRY + manifest.totalBytes();
    }

    /** Young generation size, bytes, rounded up to 256 MB. */
    public static long youngBytes(Manifest manifest) {
        return roundUp((long) (shotBytes(manifest) * YOUNG_HEADROOM / EDEN_SHARE));
    }

    /** The -Xmn the flags set: a shot's young generation, at most half the heap. */
    private static long youngTarget(Manifest manifest) {
        return Math.min(youngBytes(manifest), required(manifest) / 2);
    }

    /** Heap, in bytes, a fork needs for {@code manifest}. */
    public static long required(Manifest manifest) {
        return Math.max(MIN_HEAP, roundUp(youngBytes(manifest) + OLD_SHOTS * shotBytes(manifest)));
    }

    /** The heap flags for a fork that loads {@code manifest}: fixed size, young generation sized to a shot. */
    public static List<String> jvmArgs(Manifest manifest) {
        return heapFlags(required(manifest), youngTarget(manifest));
    }

    /** A fixed heap of {@code heapBytes} with a young generation of {@code youngBytes}, each in whole MB rounded down. */
    static List<String> heapFlags(long heapBytes, long youngBytes) {
        long heapMb = heapBytes >> 20;
        long youngMb = youngBytes >> 20;
        return List.of("-Xms" + heapMb + "m", "-Xmx" + heapMb + "m", "-Xmn" + youngMb + "m");
    }

    /** This machine's physical memory in bytes; 0 where the JVM cannot tell. */
    public static long machineMemoryBytes() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
    }

    /**
     * This JVM's maximum heap as its flags set it ({@code MaxHeapSize}: {@code -Xmx} or the JVM's ergonomic
     * choice). Not {@code Runtime.maxMemory()}: the parallel collector reports that without one survivor
     * space, so it would refuse the very {@code -Xmx} {@link #jvmArgs} asks for.
     */
    public static long maxHeapBytes() {
        try {
            return Long.parseLong(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("MaxHeapSize").getValue());
        } catch (IllegalArgumentException e) { // not HotSpot
            return Runtime.getRuntime().maxMemory();
        }
    }

    /** Throws, naming both numbers and the flags to pass, when {@code maxHeap} is too small. */
    public static void check(Manifest manifest, long maxHeap) {
        long need = required(manifest);
        if (maxHeap < need) {
            String flags = String.join(" ", jvmArgs(manifest));
            throw new IllegalStateException(String.format(
                    "dataset %s needs about %.1f GB of heap to load, this JVM has %.1f GB; run with %s (JMH: -jvmArgsAppend \"%s\")",
                    manifest.dataset(), need / 1e9, maxHeap / 1e9, flags, flags));
        }
    }

    /**
     * A warning when a JVM whose young generation is at least {@code minimumYoungBytes} (empty: left
     * to the collector, see {@link #minimumYoungBytes()}) is smaller than a shot allocates: its shots
     * would be timed with collections in them, several times slower (see docs/method.md, "How the measurement works"). Empty when it is fine.
     */
    public static Optional<String> youngGenerationWarning(Manifest manifest, OptionalLong minimumYoungBytes) {
        long need = youngTarget(manifest);
        if (minimumYoungBytes.isPresent() && minimumYoungBytes.getAsLong() >= need) {
            return Optional.empty();
        }
        String flags = String.join(" ", jvmArgs(manifest));
        return Optional.of(String.format(
                "warning: this fork's young generation is %s, a shot of %s allocates about %.1f GB, so shots will be timed with GC in them; run with -jvmArgsAppend \"%s\" or use scripts/bench",
                minimumYoungBytes.isEmpty() ? "left to the collector (no -Xmn, -XX:NewSize or -XX:NewRatio)"
                        : String.format("%.1f GB", minimumYoungBytes.getAsLong() / 1e9),
                manifest.dataset(), need / 1e9, flags));
    }

    /**
     * The young generation this JVM keeps at least, as its flags set it: {@code -Xmn} and {@code
     * -XX:NewSize} set NewSize, and G1 fixes the young generation at heap / (NewRatio + 1) when only
     * {@code -XX:NewRatio} is given. Empty when none is set and the collector sizes it as it likes.
     */
    public static OptionalLong minimumYoungBytes() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return minimumYoungBytes(name -> {
            VMOption option = hotspot.getVMOption(name);
            boolean set = option.getOrigin() != VMOption.Origin.DEFAULT && option.getOrigin() != VMOption.Origin.ERGONOMIC;
            return set ? Optional.of(option.getValue()) : Optional.empty();
        }, Runtime.getRuntime().maxMemory());
    }

    /** As {@link #minimumYoungBytes()}, from {@code setFlag} (a flag's value where it was set, else empty). */
    static OptionalLong minimumYoungBytes(Function<String, Optional<String>> setFlag, long maxHeapBytes) {
        Optional<String> newSize = setFlag.apply("NewSize");
        if (newSize.isPresent()) {
            return OptionalLong.of(Long.parseLong(newSize.get()));
        }
        return setFlag.apply("NewRatio").map(r -> OptionalLong.of(maxHeapBytes / (Long.parseLong(r) + 1))).orElse(OptionalLong.empty());
    }

    private static long roundUp(long bytes) {
        return (bytes + ROUND - 1) / ROUND * ROUND;
    }
}
