package dictbench.load;

import dictbench.dataset.Format;
import dictbench.load.subprocess.Connection;
import dictbench.load.subprocess.Frames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of one {@link SubprocessStrategy} load, shared by its lanes: which file goes next, when each file ran, what
 * it cost, the maps, the first failure, and the children to destroy when that failure comes.
 *
 * <p>Every file is handled by exactly one lane, so its span runs from {@link #begin} to
 * {@link #complete}; the load thread reads the result only after all lanes have finished (a latch
 * orders the two).
 */
final class SubprocessLoad {

    final Format format;
    private final List<Path> files;
    private final long[] sizes;
    private final LoadedFiles loaded;
    private final AtomicInteger next = new AtomicInteger();
    /** Each cost summed over the files completed so far. */
    private final AtomicReference<SubprocessCosts> costTotals = new AtomicReference<>(SubprocessCosts.ZERO);
    /** Each lane's largest child peak resident memory so far (-1: a child could not tell). */
    private final AtomicLongArray lanePeaks;
    /** Guarded by this: live children, and the first failure (after which no child may start). */
    private final Set<Connection> children = new HashSet<>();
    private Throwable failure;

    /** Plans a load; reads each file's size (the child heap and the payload limit depend on it). */
    SubprocessLoad(List<Path> files, Format format, int lanes) throws IOException {
        this.lanePeaks = new AtomicLongArray(lanes);
        this.loaded = new LoadedFiles(files.size());
        this.format = format;
        this.files = List.copyOf(files);
        int n = files.size();
        sizes = new long[n];
        for (int i = 0; i < n; i++) {
            sizes[i] = Files.size(files.get(i));
        }
    }

    Path file(int i) {
        return files.get(i);
    }

    long size(int i) {
        return sizes[i];
    }

    long largestFileBytes() {
        long max = 0;
        for (long s : sizes) {
            max = Math.max(max, s);
        }
        return max;
    }

    /** What the parent accepts from a child for file {@code i}. */
    Frames.Limits limits(int i) {
        return Frames.Limits.forFile(sizes[i]);
    }

    /** The next file to load, or -1 when all are taken or the load has failed. */
    int nextFile() {
        if (failed()) {
            return -1;
        }
        int i = next.getAndIncrement();
        return i < files.size() ? i : -1;
    }

    /** Marks the start of file {@code i}: when its child or request is started. */
    void begin(int i) {
        loaded.begin(i);
    }

    /** Records file {@code i} as loaded by lane {@code lane}: the parent has decoded its map. */
    void complete(int i, int lane, Map<String, String> map, SubprocessCosts fileCosts) {
        loaded.complete(i, map);
        costTotals.accumulateAndGet(fileCosts, SubprocessCosts::plus);
        lanePeaks.accumulateAndGet(lane, fileCosts.childPeakRssBytes(), Math::max);
    }

    /** Tracks a child to destroy if the load fails; destroys it at once if the load already has. */
    synchronized void register(Connection child) throws IOException {
        if (failure != null) {
            child.kill();
            throw new IOException("load already failed", failure);
        }
        children.add(child);
    }

    synchronized void unregister(Connection child) {
        children.remove(child);
    }

    /** Records the first failure and destroys every registered child, so the other lanes end at once. */
    synchronized void fail(Throwable t) {
        if (failure == null) {
            failure = t;
            children.forEach(Connection::kill);
        }
    }

    synchronized boolean failed() {
        return failure != null;
    }

    synchronized Throwable failure() {
        return failure;
    }

    /** Throws the first failure, if any: as it was, unless it must be wrapped to be an IOException (see {@link Tasks#unwrap}). */
    synchronized void rethrowFailure() throws IOException {
        if (failure != null) {
            throw Tasks.unwrap(failure);
        }
    }

    /** The result once every lane has finished without failure; costs are totals over all files. */
    LoadResult result() {
        long children = 0;
        for (int lane = 0; lane < lanePeaks.length(); lane++) {
            long peak = lanePeaks.get(lane);
            if (peak < 0) {
                children = -1;
                break;
            }
            children += peak;
        }
        return loaded.result(Optional.of(costTotals.get().withChildPeakRssBytes(children)));
    }
}
