package dictbench.bench;

import dictbench.cache.PageCache;
import dictbench.cache.Residency;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Puts the dataset's pages where a shot wants them: {@code warm} reads every file once so it is
 * resident; {@code cold} evicts every file (fdatasync + posix_fadvise DONTNEED) and then measures
 * residency, failing the shot when pages stayed behind.
 */
final class CacheState {
    public static final String WARM = "warm";
    public static final String COLD = "cold";
    /** A cold shot that still finds more than this share of pages resident is broken, not cold. */
    static final double MAX_COLD_RESIDENT_PERCENT = 5.0;
    private static final int READ_BUFFER_BYTES = 1 << 20;

    private CacheState() {
    }

    /** Prepares the cache and returns the percent of pages resident afterwards. */
    static double prepare(String cache, List<Path> files) throws IOException {
        switch (cache) {
            case WARM -> {
                for (Path f : files) {
                    readThrough(f);
                }
            }
            case COLD -> {
                if (!PageCache.isSupported()) {
                    throw new IllegalStateException("cache=cold needs Linux page-cache control, which this platform lacks; use cache=warm");
                }
                PageCache.evictAll(files);
            }
            default -> throw new IllegalArgumentException("cache must be warm or cold, got '" + cache + "'");
        }
        double percent = residentPercent(files);
        if (COLD.equals(cache) && percent > MAX_COLD_RESIDENT_PERCENT) {
            throw new IllegalStateException(String.format("cold shot broken: %.1f%% of the dataset's pages are still cached after"
                    + " eviction (is it on tmpfs, or mapped by another process?); use cache=warm for this dataset", percent));
        }
        return percent;
    }

    /**
     * Reads a file once through one small direct buffer, so that its pages are cached and the heap gets no garbage: reading
     * it into a byte[] left the dataset's size of humongous arrays behind every shot, and the collector's work on them ran
     * during the next timed shot.
     */
    private static void readThrough(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer.clear()) >= 0) {
                // reading is the point: the pages stay in the page cache
            }
        }
    }

    /** Percent of the files' pages in the page cache; -1 where the platform cannot tell. */
    static double residentPercent(List<Path> files) throws IOException {
        if (!PageCache.isSupported()) {
            return -1;
        }
        long pages = 0;
        long resident = 0;
        for (Path f : files) {
            Residency r = PageCache.residency(f);
            pages += r.pages();
            resident += r.residentPages();
        }
        return pages == 0 ? 0 : 100.0 * resident / pages;
    }
}
