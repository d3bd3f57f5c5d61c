package dictbench.bench;

import dictbench.dataset.Manifest;
import dictbench.load.HeapBudget;
import dictbench.run.HeapProfile;
import dictbench.run.JvmState;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM a {@link HeapProfile} stands for: the flags that make it ({@link #flags}) and, in the fork, the
 * check that this JVM is that one ({@link #verify}) before any shot is timed, so no result claims a
 * profile its fork did not have.
 */
public final class ForkHeap {

    /** Flags that choose a heap's size, its young generation or its collector. */
    private static final List<String> HEAP_FLAG_PREFIXES = List.of("-Xmx", "-Xms", "-Xmn", "-XX:MaxHeapSize", "-XX:InitialHeapSize",
            "-XX:NewSize", "-XX:MaxNewSize", "-XX:NewRatio", "-XX:MaxRAM", "-XX:InitialRAM", "-XX:MinRAM");

    /** How the collector each {@code -XX:+Use*GC} selects names its beans: the start of their names. */
    private static final Map<String, String> BEAN_PREFIX = Map.of(
            "G1", "G1 ", "Parallel", "PS ", "Z", "ZGC ", "Serial", "Copy", "Shenandoah", "Shenandoah ");

    private ForkHeap() {
    }

    /**
     * The heap flags of a fork that loads {@code manifest} under {@code profile}: {@code sized} is
     * {@link HeapBudget#jvmArgs}; {@code default} none; a collector its {@code -XX:+Use*GC} and a fixed
     * {@code -Xmx} of {@link HeapBudget#required} (no young-generation sizing).
     */
    public static List<String> flags(HeapProfile profile, Manifest manifest) {
        if (profile == HeapProfile.SIZED) {
            return HeapBudget.jvmArgs(manifest);
        }
        if (profile == HeapProfile.DEFAULT) {
            return List.of();
        }
        return List.of(profile.collectorFlag().orElseThrow(), "-Xmx" + (HeapBudget.required(manifest) >> 20) + "m");
    }

    /** Whether this JVM knows the collector a profile pins (a JDK may lack Shenandoah, say). */
    public static boolean available(HeapProfile profile) {
        if (profile.collector().isEmpty()) {
            return true;
        }
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("Use" + profile.collector().get() + "GC");
            return true;
        } catch (IllegalArgumentException unknownFlag) {
            return false;
        }
    }

    /**
     * In the fork: throws unless this JVM is what {@code profile} claims: the collector a collector profile
     * pins, or for {@code default} no heap or collector flag at all.
     */
    static void verify(HeapProfile profile, Manifest manifest) {
        verify(profile, manifest, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }

    /** As {@link #verify(HeapProfile, Manifest)}, from the JVM's input arguments and its collector beans' names. */
    static void verify(HeapProfile profile, Manifest manifest, List<String> jvmArgs, List<String> collectorBeans) {
        String expected = String.join(" ", flags(profile, manifest));
        if (profile == HeapProfile.DEFAULT) {
            List<String> heapFlags = new ArrayList<>();
            for (String arg : jvmArgs) {
                if (HEAP_FLAG_PREFIXES.stream().anyMatch(arg::startsWith) || (arg.startsWith("-XX:+Use") && arg.endsWith("GC"))) {
                    heapFlags.add(arg);
                }
            }
            if (!heapFlags.isEmpty()) {
                throw new IllegalStateException("heap=default claims the JVM's own heap sizing, but this fork was given " + heapFlags
                        + "; run it with -jvmArgs \"--enable-native-access=ALL-UNNAMED\" and no -jvmArgsPrepend heap flags, "
                        + "or use scripts/bench --heap default");
            }
            return;
        }
        if (profile == HeapProfile.SIZED) {
            boolean youngSized = jvmArgs.stream().anyMatch(a -> a.startsWith("-Xmn") || a.startsWith("-XX:NewSize"));
            if (!youngSized || !runs("G1", collectorBeans)) {
                throw new IllegalStateException("heap=sized means G1 with a young generation sized to a shot, but this fork runs "
                        + collectorBeans + (youngSized ? "" : " with no -Xmn") + "; run it with -jvmArgsAppend \"" + expected
                        + "\", or use scripts/bench");
            }
            return;
        }
        Optional<String> collector = profile.collector();
        if (collector.isPresent() && !runs(collector.get(), collectorBeans)) {
            throw new IllegalStateException("heap=" + profile.key() + " claims the " + collector.get() + " collector, but this fork runs "
                    + collectorBeans + "; run it with -jvmArgsAppend \"" + expected + "\", or use scripts/bench --heap " + profile.key());
        }
    }

    private static boolean runs(String collector, List<String> collectorBeans) {
        return collectorBeans.stream().anyMatch(b -> b.startsWith(BEAN_PREFIX.get(collector)));
    }

    /**
     * In the fork, before each shot: throws when a {@code first-load} fork is about to time a second shot
     * ({@code shotsSoFar} counts the shots already timed in this JVM, warm-ups too).
     */
    static void checkShot(JvmState state, int shotsSoFar) {
        if (state == JvmState.FIRST_LOAD && shotsSoFar > 0) {
            throw new IllegalStateException("jvm=first-load times only the first load of a fresh JVM, and this fork is about to time "
                    + "shot " + (shotsSoFar + 1) + "; run it with -wi 0 -i 1 and many forks (scripts/bench --jvm first-load does)");
        }
    }
}
