package dictbench.load;
import dictbench.dataset.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One virtual thread per file (or per block with {@code splitBlocks}). On JDK 25 a blocking file
 * read pins its carrier and the scheduler no longer adds carriers for it (JDK-8329593), so for file
 * I/O this behaves like a pool of {@code availableProcessors} threads; the benchmark shows how close.
 * One platform thread reads files not yet in the page cache ahead of them ({@link ReadAhead}); a
 * virtual one would pin a carrier while it waits for the disk.
 */
public final class VirtualThreadsStrategy implements Strategy {
    private final boolean splitBlocks;
    private final ExecutorService readAheadThread = Threads.prestartedPool(1, "dictbench-virtual-readahead-");

    public VirtualThreadsStrategy(boolean splitBlocks) {
        this.splitBlocks = splitBlocks;
    }

    @Override
    public LoadResult load(List<Path> files, Format format) throws IOException {
        // started in file order on availableProcessors carriers, or block by block through the files
        int streams = splitBlocks ? 1 : Runtime.getRuntime().availableProcessors();
        try (LoadPlan plan = LoadPlan.of(files, format, splitBlocks);
             ReadAhead ahead = ReadAhead.start(readAheadThread, ReadAhead.byFile(files, streams));
             ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
            Tasks.runAll(perTask, plan.tasks());
            return plan.result();
        }
    }

    @Override
    public void close() {
        readAheadThread.shutdownNow();
    }
}
