package dictbench.load;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The per-file bookkeeping of one load: each file's map and when it was loaded, in nanoseconds since
 * this was created. A file may be loaded by several tasks at once (one per block), so its span runs
 * from the earliest {@link #begin} to the latest {@link #end}; every method is safe to call from any
 * thread.
 */
final class LoadedFiles {
    private final long origin = System.nanoTime();
    private final AtomicLongArray starts;
    private final AtomicLongArray ends;
    private final AtomicReferenceArray<Map<String, String>> maps;

    LoadedFiles(int files) {
        starts = new AtomicLongArray(files);
        ends = new AtomicLongArray(files);
        for (int i = 0; i < files; i++) {
            starts.set(i, Long.MAX_VALUE);
        }
        maps = new AtomicReferenceArray<>(files);
    }

    /** A task of file {@code i} starts now. */
    void begin(int i) {
        starts.accumulateAndGet(i, System.nanoTime() - origin, Math::min);
    }

    /** A task of file {@code i} ends now. */
    void end(int i) {
        ends.accumulateAndGet(i, System.nanoTime() - origin, Math::max);
    }

    /** Sets the map of file {@code i}, which its tasks may still be filling. */
    void put(int i, Map<String, String> map) {
        maps.set(i, map);
    }

    /** File {@code i} is loaded into {@code map} now. */
    void complete(int i, Map<String, String> map) {
        put(i, map);
        end(i);
    }

    /** The result once every file has its map. */
    LoadResult result(Optional<SubprocessCosts> costs) {
        int n = maps.length();
        List<Map<String, String>> out = new ArrayList<>(n);
        List<FileSpan> spans = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, String> map = maps.get(i);
            if (map == null) {
                throw new IllegalStateException("file " + i + " was never loaded: the work that loads it did not run");
            }
            out.add(map);
            spans.add(new FileSpan(i, starts.get(i), ends.get(i)));
        }
        return new LoadResult(out, spans, costs);
    }
}
