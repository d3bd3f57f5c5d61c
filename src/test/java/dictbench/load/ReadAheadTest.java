package dictbench.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dictbench.cache.PageCache;
import dictbench.cache.Residency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
    @TempDir
    Path dir;

    private final ExecutorService thread = Threads.prestartedPool(1, "test-readahead-");

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    private Path file(String name, int bytes) throws IOException {
        byte[] data = new byte[bytes];
        new Random(bytes).nextBytes(data);
        return Files.write(dir.resolve(name), data);
    }

    @Test
    void wholeFilesGoToStreamsInTurnAsAPoolTakesThem() throws IOException {
        List<Path> files = List.of(file("a", 10), file("b", 20), file("c", 30));
        assertEquals(List.of(
                        List.of(new ReadAhead.Span(files.get(0), 0, 10), new ReadAhead.Span(files.get(2), 0, 30)),
                        List.of(new ReadAhead.Span(files.get(1), 0, 20))),
                ReadAhead.byFile(files, 2));
        assertEquals(List.of(List.of(new ReadAhead.Span(files.get(0), 0, 10), new ReadAhead.Span(files.get(1), 0, 20),
                new ReadAhead.Span(files.get(2), 0, 30))), ReadAhead.byFile(files, 1));
    }

    @Test
    void aSplitCutsTheFilesEndToEndIntoEqualRanges() throws IOException {
        List<Path> files = List.of(file("a", 10), file("b", 20), file("c", 31));
        // 61 bytes in 2: 31 and 30, the first range ending inside b
        assertEquals(List.of(
                        List.of(new ReadAhead.Span(files.get(0), 0, 10), new ReadAhead.Span(files.get(1), 0, 20),
                                new ReadAhead.Span(files.get(2), 0, 1)),
                        List.of(new ReadAhead.Span(files.get(2), 1, 30))),
                ReadAhead.bySplit(files, 2));
        // 61 bytes in 6: 11 and five of 10, so ranges cross file ends
        assertEquals(List.of(List.of(new ReadAhead.Span(files.get(0), 0, 10), new ReadAhead.Span(files.get(1), 0, 1)),
                        List.of(new ReadAhead.Span(files.get(1), 1, 10)),
                        List.of(new ReadAhead.Span(files.get(1), 11, 9), new ReadAhead.Span(files.get(2), 0, 1)),
                        List.of(new ReadAhead.Span(files.get(2), 1, 10)), List.of(new ReadAhead.Span(files.get(2), 11, 10)),
                        List.of(new ReadAhead.Span(files.get(2), 21, 10))),
                ReadAhead.bySplit(files, 6));
    }

    @Test
    void readsUncachedFilesIntoThePageCacheAndSkipsCachedOnes() throws IOException {
        assumeTrue(PageCache.isSupported(), "needs page-cache control");
        List<Path> files = List.of(file("a", 3 * ReadAhead.CHUNK_BYTES + 5), file("b", ReadAhead.CHUNK_BYTES / 2));
        PageCache.evictAll(files);
        Residency evicted = PageCache.residency(files.get(0));
        assumeTrue(evicted.residentPages() < evicted.pages(), "a memory-backed file system cannot drop its pages");

        ReadAhead cold = ReadAhead.start(thread, ReadAhead.byFile(files, 2));
        cold.awaitDone();
        assertEquals(Files.size(files.get(0)) + Files.size(files.get(1)), cold.bytesRead());
        for (Path f : files) {
            Residency r = PageCache.residency(f);
            assertEquals(r.pages(), r.residentPages(), f + " is cached after reading ahead");
        }

        ReadAhead warm = ReadAhead.start(thread, ReadAhead.byFile(files, 2));
        warm.awaitDone();
        assertEquals(0, warm.bytesRead(), "cached files are not read again");
    }

    @Test
    void aFileThatCannotBeReadStopsReadingAheadQuietly() throws IOException {
        assumeTrue(PageCache.isSupported(), "needs page-cache control");
        Path missing = dir.resolve("missing");
        ReadAhead ahead = ReadAhead.start(thread, List.of(List.of(new ReadAhead.Span(missing, 0, 10))));
        ahead.close(); // no exception: the decoders report the missing file
        assertEquals(0, ahead.bytesRead());
    }
}
