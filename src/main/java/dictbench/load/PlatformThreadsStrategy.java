package dictbench.load;
import dictbench.dataset.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * A fixed pool of platform threads, one task per file (or per block with {@code splitBlocks}): the
 * plain {@code ThreadPoolExecutor} answer. The pool is created once and reused across loads, with
 * one more thread that reads files not yet in the page cache ahead of the decoders ({@link ReadAhead}).
 */
public final class PlatformThreadsStrategy implements Strategy {
    private final int threads;
    private final boolean splitBlocks;
    private final ExecutorService pool;
    private final ExecutorService readAheadThread;

    public PlatformThreadsStrategy(int threads, boolean splitBlocks) {
        this.threads = Threads.check(threads);
        this.splitBlocks = splitBlocks;
        this.pool = Threads.prestartedPool(threads, "dictbench-platform-");
        this.readAheadThread = Threads.prestartedPool(1, "dictbench-platform-readahead-");
    }

    public int threads() {
        return threads;
    }

    @Override
    public LoadResult load(List<Path> files, Format format) throws IOException {
        // block tasks are queued in file order, so all threads walk one stream of blocks
        try (LoadPlan plan = LoadPlan.of(files, format, splitBlocks);
             ReadAhead ahead = ReadAhead.start(readAheadThread, ReadAhead.byFile(files, splitBlocks ? 1 : threads))) {
            Tasks.runAll(pool, plan.tasks());
            return plan.result();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        readAheadThread.shutdownNow();
    }
}
