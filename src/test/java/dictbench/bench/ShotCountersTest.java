package dictbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ShotCountersTest {

    @Test
    @EnabledOnOs(OS.LINUX)
    void aShotsCountersHoldItsCpuAndSayNotMeasuredBeforeIt() {
        ShotCounters counters = new ShotCounters();
        counters.reset();
        assertEquals(ShotCounters.NOT_MEASURED, counters.cpuBusyMs);
        counters.endShot(); // no start: stays not measured
        assertEquals(ShotCounters.NOT_MEASURED, counters.cpuBusyMs);
        counters.startShot();
        counters.endShot();
        assertTrue(counters.cpuBusyMs >= 0 && counters.cpuStealMs >= 0, counters.cpuBusyMs + " / " + counters.cpuStealMs);
    }
}
