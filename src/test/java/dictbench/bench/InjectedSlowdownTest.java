package dictbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InjectedSlowdownTest {

    @Test
    void aNormalBuildIsNeverSlowed() {
        assertNull(getClass().getClassLoader().getResource(InjectedSlowdown.RESOURCE));
        assertEquals(0, InjectedSlowdown.PERCENT);
    }

    @Test
    void spinsForTheGivenShareOfTheTimeSoFar() {
        long start = System.nanoTime() - 40_000_000; // a "load" that took at least 40 ms
        long before = System.nanoTime();
        InjectedSlowdown.spin(start, 25);
        long spun = System.nanoTime() - before;
        assertTrue(spun >= 10_000_000, "25% of at least 40 ms is at least 10 ms, spun " + spun + " ns");
    }
}
