package dictbench.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class MachineCpuTest {
    /** /proc/stat's first line as proc(5) documents it: user nice system idle iowait irq softirq steal guest guest_nice. */
    static final String LINE = "cpu  100 20 30 5000 700 4 6 8 0 0";

    @Test
    void busyIsUserNiceSystemIrqAndSoftirqWithoutIdleOrIowait() {
        MachineCpu cpu = MachineCpu.parse(LINE).orElseThrow();
        assertEquals(100 + 20 + 30 + 4 + 6, cpu.busyTicks());
        assertEquals(8, cpu.stealTicks());
    }

    @Test
    void differencesAreInMillisecondsOfTheKernelsTicks() {
        MachineCpu start = MachineCpu.parse(LINE).orElseThrow();
        MachineCpu end = MachineCpu.parse("cpu  150 20 30 5000 700 4 6 10 0 0").orElseThrow();
        assertEquals(50 * 1000.0 / MachineCpu.TICKS_PER_SECOND, end.busyMillisSince(start), 1e-9);
        assertEquals(2 * 1000.0 / MachineCpu.TICKS_PER_SECOND, end.stealMillisSince(start), 1e-9);
    }

    @Test
    void rejectsLinesThatAreNotTheTotals() {
        assertTrue(MachineCpu.parse(null).isEmpty());
        assertTrue(MachineCpu.parse("").isEmpty());
        assertTrue(MachineCpu.parse("cpu0 100 20 30 5000 700 4 6 8 0 0").isEmpty(), "one core's line, not the totals");
        assertTrue(MachineCpu.parse("cpu  100 20 30 5000 700 4 6").isEmpty(), "no steal column");
        assertTrue(MachineCpu.parse("cpu  100 20 x 5000 700 4 6 8").isEmpty());
        assertTrue(MachineCpu.parse("cpu  -100 20 30 5000 700 4 6 8").isEmpty());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void seesTheCpuTimeThisThreadBurns() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        MachineCpu start = MachineCpu.now().orElseThrow();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long spins = 0;
        while (threads.getCurrentThreadCpuTime() - cpu0 < 300_000_000L) { // 300 ms of this thread's own CPU time
            spins++;
        }
        MachineCpu end = MachineCpu.now().orElseThrow();
        // The kernel charges whole 10 ms ticks by sampling; 300 ms of spinning cannot read as less than 200.
        assertTrue(end.busyMillisSince(start) >= 200, "busy " + end.busyMillisSince(start) + " ms after " + spins + " spins");
    }
}
