package dictbench.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ResidencyTest {

    @Test
    void fractionIsResidentShareOfPages() {
        assertEquals(OptionalDouble.of(0.5), new Residency(4, 2).fraction());
        assertEquals(OptionalDouble.of(1.0), new Residency(4, 4).fraction());
        assertEquals(OptionalDouble.of(0.0), new Residency(4, 0).fraction());
    }

    @Test
    void emptyFileHasNoFraction() {
        assertTrue(new Residency(0, 0).fraction().isEmpty());
    }

    @Test
    void negativePagesAreRejectedNamingTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Residency(-1, 0));
        assertTrue(e.getMessage().startsWith("pages must be >= 0"), e.getMessage());
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
    }

    @Test
    void residentPagesOutsideZeroToPagesAreRejectedNamingTheRange() {
        var tooMany = assertThrows(IllegalArgumentException.class, () -> new Residency(4, 5));
        assertEquals("residentPages must be in [0, pages=4], was 5", tooMany.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> new Residency(4, -1));
        assertEquals("residentPages must be in [0, pages=4], was -1", negative.getMessage());
    }
}
