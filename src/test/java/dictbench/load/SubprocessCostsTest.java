package dictbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubprocessCostsTest {

    @Test
    void addsComponentByComponent() {
        SubprocessCosts a = new SubprocessCosts(1, 2, 3, 4, 5, 6, 700);
        SubprocessCosts b = new SubprocessCosts(10, 20, 30, 40, 50, 60, 70);
        assertEquals(new SubprocessCosts(11, 22, 33, 44, 55, 66, 700), a.plus(b), "times add up, the child peak is the larger");
        assertEquals(a, SubprocessCosts.ZERO.plus(a));
    }

    @Test
    void rejectsANegativeCostNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SubprocessCosts(0, 0, -1, 0, 0, 0, 0));
        assertTrue(e.getMessage().startsWith("childEncodeNanos"), e.getMessage());
    }
}
