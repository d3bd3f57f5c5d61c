package dictbench.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadResultTest {

    private static LoadResult withSpans(FileSpan... spans) {
        return new LoadResult(java.util.Collections.nCopies(spans.length, Map.of()), List.of(spans), Optional.empty());
    }

    @Test
    void countsOverlappingSpans() {
        assertEquals(1, withSpans(new FileSpan(0, 0, 10), new FileSpan(1, 10, 20), new FileSpan(2, 20, 30)).maxFilesInFlight());
        assertEquals(2, withSpans(new FileSpan(0, 0, 10), new FileSpan(1, 5, 20), new FileSpan(2, 15, 30)).maxFilesInFlight());
        assertEquals(3, withSpans(new FileSpan(0, 0, 100), new FileSpan(1, 5, 20), new FileSpan(2, 15, 30)).maxFilesInFlight());
    }

    @Test
    void rejectsMismatchedSpansAndBadSpans() {
        assertThrows(IllegalArgumentException.class, () -> new LoadResult(List.of(Map.of()), List.of(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new FileSpan(0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new FileSpan(-1, 0, 5));
    }
}
