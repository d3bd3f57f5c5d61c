package dictbench.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void flattensForksInOrder() {
        Samples s = Samples.of(new double[] {3, 1}, new double[] {2}, new double[] {5, 4, 6});
        assertArrayEquals(new double[] {3, 1, 2, 5, 4, 6}, s.all());
        assertEquals(3, s.forkCount());
        assertEquals(6, s.size());
        assertArrayEquals(new int[] {2, 1, 3}, s.forkSizes());
        assertArrayEquals(new double[] {2, 2, 5}, s.forkMedians());
    }

    @Test
    void isImmutableAndComparesByValue() {
        double[] fork = {1, 2};
        Samples s = Samples.of(fork);
        fork[0] = 99;
        assertArrayEquals(new double[] {1, 2}, s.all());
        s.all()[0] = 42;
        s.toArrays()[0][0] = 42;
        assertArrayEquals(new double[] {1, 2}, s.all());
        assertThrows(UnsupportedOperationException.class, () -> s.forks().getFirst().set(0, 7.0));
        assertEquals(Samples.of(new double[] {1, 2}), s);

        List<Double> mutable = new ArrayList<>(List.of(1.0, 2.0));
        Samples fromList = new Samples(List.of(mutable));
        mutable.set(0, 50.0);
        assertEquals(s, fromList);
    }

    @Test
    void sameShape() {
        Samples a = Samples.of(new double[] {1, 2}, new double[] {3});
        assertTrue(a.sameShapeAs(Samples.of(new double[] {7, 8}, new double[] {9})));
        assertFalse(a.sameShapeAs(Samples.of(new double[] {7}, new double[] {8, 9})));
        assertFalse(a.sameShapeAs(Samples.of(new double[] {7, 8})));
    }

    @Test
    void rejectsEmptyForksAndNonFiniteValues() {
        assertMessage(() -> new Samples(List.of()), "forks");
        assertMessage(() -> new Samples(null), "forks");
        assertMessage(() -> Samples.of(), "forks");
        assertMessage(() -> Samples.of(new double[] {1}, new double[0]), "forks[1]");
        assertMessage(() -> Samples.of(new double[] {1, Double.NaN}), "forks[0][1]");
        assertMessage(() -> Samples.of(new double[] {Double.POSITIVE_INFINITY}), "forks[0][0]");
        List<Double> withNull = new ArrayList<>();
        withNull.add(null);
        assertMessage(() -> new Samples(List.of(withNull)), "forks[0][0]");
    }

    @Test
    void descriptiveStatistics() {
        assertEquals(2.0, Descriptive.median(new double[] {3, 1, 2}));
        assertEquals(2.5, Descriptive.median(new double[] {4, 1, 3, 2}));
        assertEquals(2.5, Descriptive.mean(new double[] {4, 1, 3, 2}));
        assertEquals(1.0, Descriptive.min(new double[] {4, 1, 3, 2}));
        assertEquals(4.0, Descriptive.max(new double[] {4, 1, 3, 2}));
        double[] sorted = {0, 10, 20, 30, 40};
        assertEquals(0.0, Descriptive.quantileOfSorted(sorted, 0));
        assertEquals(40.0, Descriptive.quantileOfSorted(sorted, 1));
        assertEquals(25.0, Descriptive.quantileOfSorted(sorted, 0.625), 1e-12);
        double[] unsorted = {3, 1, 2};
        Descriptive.median(unsorted);
        assertArrayEquals(new double[] {3, 1, 2}, unsorted, "median must not reorder its argument");
        assertMessage(() -> Descriptive.median(new double[0]), "values");
        assertMessage(() -> Descriptive.quantileOfSorted(sorted, 1.5), "q");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String parameter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(parameter), () -> "message should name " + parameter + ": " + e.getMessage());
    }
}
