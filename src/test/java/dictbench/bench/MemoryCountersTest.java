package dictbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryCountersTest {

    @Test
    void aShotCountsWhatItAllocatesAndTheCollectionsInIt() {
        MemoryCounters c = new MemoryCounters();
        c.reset();
        c.startShot();
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            kept.add(new byte[1 << 20]);
        }
        System.gc();
        c.endShot();
        assertTrue(c.allocatedMB >= 64 * 1.048 && c.allocatedMB < 1000, "64 MiB allocated: " + c.allocatedMB);
        assertTrue(c.gcCount >= 1, "System.gc() is a pause: " + c.gcCount);
        assertTrue(c.gcPauseMs >= 0, "pause ms: " + c.gcPauseMs);
        assertTrue(c.peakRssMB == MemoryCounters.NOT_MEASURED || c.peakRssMB > 0, "peak RSS: " + c.peakRssMB);
        assertEquals(64, kept.size());
    }

    @Test
    void theRetainedHeapIsWhatTheShotLeftReachable() {
        MemoryCounters c = new MemoryCounters();
        c.reset();
        assertEquals(0, c.retainedMB, "not measured until the shot is over");
        c.startShot();
        byte[][] kept = new byte[1000][]; // 100 KiB each: below G1's humongous size, so each takes its own bytes only
        for (int i = 0; i < kept.length; i++) {
            kept[i] = new byte[100 << 10];
        }
        c.endShot();
        System.gc();
        long with = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        assertEquals(1000, kept.length);
        kept = null;
        System.gc();
        c.retained(with, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), 1000);
        assertTrue(c.retainedMB > 100 && c.retainedMB < 130, "1000 × 100 KiB kept reachable: " + c.retainedMB);
        assertEquals(1000, c.entries);
    }

    @Test
    void concurrentCycleBeansAreNotPauses() {
        assertTrue(ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(MemoryCounters::isPause), "the collector pauses somewhere");
        assertTrue(ManagementFactory.getGarbageCollectorMXBeans().stream().filter(b -> b.getName().contains("Concurrent"))
                .noneMatch(MemoryCounters::isPause));
    }
}
