package dictbench.bench;

import com.sun.management.ThreadMXBean;
import dictbench.os.ProcessMemory;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a load costs in memory, per shot (names and units in {@code run.Counter}): the collector's pauses,
 * the heap allocated, the heap the maps retain, and the fork's resident memory. Read at the start and the
 * end of the timed region (a few MXBean reads and one small {@code /proc} read); the retained heap is
 * measured after it ({@link LoadBenchmark} collects with the maps still reachable, then without them).
 *
 * <p>Pauses are the collections of the collector's pause beans: G1's young and old generation, Parallel's
 * and Serial's, ZGC's and Shenandoah's "Pauses". Their "Cycles" beans and G1's "Concurrent GC" time work
 * done beside the application on other threads; the machine-wide {@code cpuBusyMs} sees that.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class MemoryCounters {
    static final double NOT_MEASURED = -1; // not public: JMH would take a public field for a counter
    private static final double MB = 1e6;

    public double gcPauseMs;
    public double gcCount;
    public double allocatedMB;
    public double retainedMB;
    public double entries;
    public double peakRssMB;
    public double rssAnonMB;
    public double rssFileMB;

    private static final List<GarbageCollectorMXBean> PAUSES = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(MemoryCounters::isPause).toList();
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long pauseMsAtStart;
    private long pausesAtStart;
    private long allocatedAtStart;
    private boolean peakReset;

    @Setup(Level.Iteration)
    public void reset() {
        gcPauseMs = 0;
        gcCount = 0;
        allocatedMB = 0;
        retainedMB = 0; // measured once per fork, after its last measured shot (JMH zeroes the counters before each shot too)
        entries = 0;
        peakRssMB = NOT_MEASURED;
        rssAnonMB = NOT_MEASURED;
        rssFileMB = NOT_MEASURED;
    }

    /** Whether a collector bean counts pauses rather than concurrent cycles. */
    static boolean isPause(GarbageCollectorMXBean bean) {
        String name = bean.getName();
        return !name.contains("Cycles") && !name.contains("Concurrent");
    }

    /** First thing in the timed region. */
    void startShot() {
        pauseMsAtStart = PAUSES.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        pausesAtStart = PAUSES.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        allocatedAtStart = THREADS.getTotalThreadAllocatedBytes();
        peakReset = ProcessMemory.resetPeak();
    }

    /** Last thing in the timed region. */
    void endShot() {
        gcPauseMs = PAUSES.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - pauseMsAtStart;
        gcCount = PAUSES.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - pausesAtStart;
        long allocated = THREADS.getTotalThreadAllocatedBytes();
        allocatedMB = allocated < 0 || allocatedAtStart < 0 ? NOT_MEASURED : (allocated - allocatedAtStart) / MB;
        // set either way: JMH zeroes the counters after reset(), so an unset one would read as 0 MB, not "not measured"
        Optional<ProcessMemory> memory = ProcessMemory.now();
        peakRssMB = memory.isPresent() && peakReset ? memory.get().peakBytes() / MB : NOT_MEASURED;
        rssAnonMB = memory.map(m -> m.anonymousBytes() / MB).orElse(NOT_MEASURED);
        rssFileMB = memory.map(m -> m.fileBytes() / MB).orElse(NOT_MEASURED);
    }

    /**
     * After the timed region: the heap the maps retain, the used heap after a full collection with them
     * reachable less after one without them, and how many entries they hold.
     */
    void retained(long usedWithMaps, long usedWithout, long loadedEntries) {
        retainedMB = (usedWithMaps - usedWithout) / MB;
        entries = loadedEntries;
    }
}
