package dictbench.bench;

import dictbench.cache.PageCache;
import dictbench.cache.Residency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private CacheState() {
    }

    /** Prepares the cache and returns the percent of pages resident afterwards. */
    static double prepare(String cache, List<Path> files) throws IOException {
        switch (cache) {
            case WARM -> {
                for (Path f : files) {
                    Files.readAllBytes(f);
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
