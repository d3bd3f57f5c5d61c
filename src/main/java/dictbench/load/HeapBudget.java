package dictbench.load;

import dictbench.dataset.Manifest;
import java.util.List;

/**
 * How much heap loading a dataset needs, and how to lay it out, so a run that cannot fit says so
 * before it starts and the collector does not dominate what is measured.
 *
 * <p>One shot allocates about {@value #BYTES_PER_ENTRY} bytes per entry beyond its characters (64-bit
 * JVM, compressed oops: HashMap node 32, two Strings 2 x 24, their byte arrays' headers 2 x 16,
 * table slot ~11, rounding) plus the characters themselves (~ the file bytes) plus the file bytes
 * read into memory. The young generation is sized to hold one shot's allocation with
 * {@value #YOUNG_HEADROOM}x room, so the maps being built are not copied between survivor spaces
 * mid-shot; the old generation holds {@value #OLD_SHOTS} shots. Measured on the default dataset with
 * G1: JVM-default heap sizing gave shots of 2.3-6.5 s with ~40% of the time in evacuation pauses;
 * this layout gave 1.2-1.3 s.
 */
public final class HeapBudget {
    static final long BYTES_PER_ENTRY = 128;
    static final double YOUNG_HEADROOM = 1.25;
    static final int OLD_SHOTS = 2;
    /** Below this, JVM start-up and JMH itself dominate: never ask for less. */
    static final long MIN_HEAP = 512L << 20;
    private static final long ROUND = 256L << 20;

    private HeapBudget() {
    }

    /** Bytes one shot that loads every file of {@code manifest} allocates. */
    public static long shotBytes(Manifest manifest) {
        return manifest.totalEntries() * BYTES_PER_ENTRY + 2 * manifest.totalBytes();
    }

    /** Young generation size, bytes, rounded up to 256 MB. */
    public static long youngBytes(Manifest manifest) {
        return roundUp((long) (shotBytes(manifest) * YOUNG_HEADROOM));
    }

    /** Heap, in bytes, a fork needs for {@code manifest}. */
    public static long required(Manifest manifest) {
        return Math.max(MIN_HEAP, roundUp(youngBytes(manifest) + OLD_SHOTS * shotBytes(manifest)));
    }

    /** The heap flags for a fork that loads {@code manifest}: fixed size, young generation sized to a shot. */
    public static List<String> jvmArgs(Manifest manifest) {
        long heapMb = required(manifest) >> 20;
        long youngMb = Math.min(youngBytes(manifest), required(manifest) / 2) >> 20;
        return List.of("-Xms" + heapMb + "m", "-Xmx" + heapMb + "m", "-Xmn" + youngMb + "m");
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

    private static long roundUp(long bytes) {
        return (bytes + ROUND - 1) / ROUND * ROUND;
    }
}
