package dictbench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProportionTest {

    @Test
    void clopperPearsonMatchesPublishedValues() {
        // 0 of 20: the upper bound is 1 - 0.025^(1/20) = 0.1684 (the "rule of three" region)
        ConfidenceInterval none = new Proportion(0, 20).clopperPearson(0.95);
        assertEquals(0, none.lower());
        assertEquals(1 - Math.pow(0.025, 1.0 / 20), none.upper(), 1e-9);
        // n of n mirrors it
        ConfidenceInterval all = new Proportion(14, 14).clopperPearson(0.95);
        assertEquals(Math.pow(0.025, 1.0 / 14), all.lower(), 1e-9);
        assertEquals(1, all.upper());
        // 10 of 20 at 95%: [0.2720, 0.7280] (exact binomial tables)
        ConfidenceInterval half = new Proportion(10, 20).clopperPearson(0.95);
        assertEquals(0.2720, half.lower(), 1e-4);
        assertEquals(0.7280, half.upper(), 1e-4);
        assertEquals(0.5, new Proportion(10, 20).rate());
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> new Proportion(3, 2));
        assertThrows(IllegalArgumentException.class, () -> new Proportion(-1, 2));
        assertEquals(new ConfidenceInterval(0, 1, 0.95), new Proportion(0, 0).clopperPearson(0.95));
    }
}
