package dictbench.load;
import dictbench.dataset.DatasetMismatchException;
import dictbench.dataset.Manifest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every strategy returns: one map per file (in the order of the files given), when each file
 * was loaded, and, for the subprocess strategy, where its time went.
 *
 * @param subprocessCosts the subprocess strategy's costs over all files; empty for in-process strategies
 */
public record LoadResult(List<Map<String, String>> maps, List<FileSpan> spans, Optional<SubprocessCosts> subprocessCosts) {

    public LoadResult {
        maps = List.copyOf(maps);
        spans = List.copyOf(spans);
        java.util.Objects.requireNonNull(subprocessCosts, "subprocessCosts");
        if (maps.size() != spans.size()) {
            throw new IllegalArgumentException("one span per map: " + maps.size() + " maps, " + spans.size() + " spans");
        }
    }

    public long entries() {
        return maps.stream().mapToLong(Map::size).sum();
    }

    /** Checks every map against its manifest entry ({@link Manifest#checkContents}); not for timed regions. */
    public void validate(Manifest manifest) throws DatasetMismatchException {
        manifest.checkContents(maps);
    }

    /** When the first file's map was complete, in ms from the load's start (0 for no files). */
    public double firstMapMillis() {
        return spans.stream().mapToLong(FileSpan::endNanos).min().orElse(0) / 1e6;
    }

    /** The largest number of files whose loads overlapped in time: 1 means one after another. */
    public int maxFilesInFlight() {
        List<long[]> events = new ArrayList<>();
        for (FileSpan s : spans) {
            events.add(new long[] {s.startNanos(), +1});
            events.add(new long[] {s.endNanos(), -1});
        }
        // at equal times, ends before starts: touching spans do not overlap
        events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
        int inFlight = 0;
        int max = 0;
        for (long[] e : events) {
            inFlight += (int) e[1];
            max = Math.max(max, inFlight);
        }
        return max;
    }
}
