package dictbench.stats;

import static dictbench.stats.SamplesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CeilingTest {

    @Test
    void decodeBoundSetsCeiling() {
        Ceiling c = new Ceiling(2.0, 1.0, 6.0, 4);
        assertEquals(1.5, c.decodeBoundTime(), 1e-15);
        assertEquals(1.5, c.ceilingTime(), 1e-15);
        assertEquals(75.0, c.percentOfCeiling(), 1e-12);
        assertEquals(Ceiling.Limit.DECODE, c.limit());
    }

    @Test
    void rawReadBoundSetsCeiling() {
        Ceiling c = new Ceiling(2.0, 1.8, 6.0, 8);
        assertEquals(0.75, c.decodeBoundTime(), 1e-15);
        assertEquals(1.8, c.ceilingTime(), 1e-15);
        assertEquals(90.0, c.percentOfCeiling(), 1e-12);
        assertEquals(Ceiling.Limit.RAW_READ, c.limit());
    }

    @Test
    void percentIsNotClampedWhenBestBeatsBound() {
        assertEquals(125.0, new Ceiling(0.8, 1.0, 1.0, 1).percentOfCeiling(), 1e-12);
    }

    @Test
    void rejectsBadValues() {
        assertMessage(() -> new Ceiling(0, 1, 1, 1), "bestTime");
        assertMessage(() -> new Ceiling(1, -1, 1, 1), "rawReadTime");
        assertMessage(() -> new Ceiling(1, 1, Double.NaN, 1), "singleCoreDecodeTime");
        assertMessage(() -> new Ceiling(1, 1, 1, 0), "cores");
        assertMessage(() -> new Ceiling(1, 1, 1, -2), "cores");
    }
}
