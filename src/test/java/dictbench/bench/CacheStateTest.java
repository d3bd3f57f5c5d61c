package dictbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dictbench.cache.PageCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheStateTest {

    @TempDir
    Path dir;

    /** Three files larger than the read buffer, one of them not a multiple of it, one empty. */
    private List<Path> files() throws IOException {
        Random random = new Random(7);
        List<Path> files = List.of(dir.resolve("a"), dir.resolve("b"), dir.resolve("c"));
        int[] sizes = {3 << 20, (5 << 20) + 4097, 0};
        for (int i = 0; i < files.size(); i++) {
            byte[] bytes = new byte[sizes[i]];
            random.nextBytes(bytes);
            Files.write(files.get(i), bytes);
        }
        return files;
    }

    @Test
    void warmReadsEveryPageOfEveryFileBackIntoTheCache() throws IOException {
        List<Path> files = files();
        assumeTrue(PageCache.isSupported(), "no page-cache control on this platform");
        PageCache.evictAll(files);
        assumeTrue(CacheState.residentPercent(files) < 50, "this temp dir keeps its pages (tmpfs?): nothing to warm");
        assertEquals(100.0, CacheState.prepare(CacheState.WARM, files), 1e-9);
    }

    @Test
    void anUnknownCacheStateIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CacheState.prepare("tepid", List.of()));
        assertTrue(e.getMessage().contains("warm or cold"), e.getMessage());
    }
}
