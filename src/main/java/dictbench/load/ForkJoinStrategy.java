package dictbench.load;
import dictbench.dataset.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * A {@link ForkJoinPool} of {@code threads} parallelism with one task per block: idle workers steal
 * blocks from busy ones, so one big file or skewed file sizes still spread over every core. Formats
 * that cannot be split (java-serial) fall back to one task per file. One more thread reads files not
 * yet in the page cache ahead of the workers ({@link ReadAhead}).
 */
public final class ForkJoinStrategy implements Strategy {
    private final int threads;
    private final ForkJoinPool pool;
    private final ExecutorService readAheadThread;

    public ForkJoinStrategy(int threads) {
        this.threads = Threads.check(threads);
        this.pool = new ForkJoinPool(threads);
        this.readAheadThread = Threads.prestartedPool(1, "dictbench-forkjoin-readahead-");
    }

    public int threads() {
        return threads;
    }

    @Override
    public LoadResult load(List<Path> files, Format format) throws IOException {
        try (LoadPlan plan = LoadPlan.of(files, format, true);
             ReadAhead ahead = ReadAhead.start(readAheadThread, ReadAhead.bySplit(files, threads))) {
            try {
                pool.invoke(new Range(plan.tasks(), 0, plan.tasks().size()));
            } catch (RuntimeException e) {
                throw Tasks.unwrap(e);
            }
            return plan.result();
        }
    }

    /**
     * Runs tasks {@code [from, to)} by halving: the right half is forked, the left run here. A thief
     * takes the largest range still waiting, and every worker then walks its range front to back,
     * so each one reads its file sequentially and the kernel's readahead fetches the next blocks
     * while the worker decodes. (A flat {@code invokeAll} of every block made the thief take the
     * blocks last forked first and read a file backwards, which defeats readahead: each cold block
     * read then waited on the disk.)
     */
    private static final class Range extends RecursiveAction {
        private final List<LoadPlan.Task> tasks;
        private final int from;
        private final int to;

        Range(List<LoadPlan.Task> tasks, int from, int to) {
            this.tasks = tasks;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from == 1) {
                Tasks.runUnchecked(tasks.get(from));
            } else if (to > from) {
                int middle = (from + to) >>> 1;
                invokeAll(new Range(tasks, from, middle), new Range(tasks, middle, to));
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        readAheadThread.shutdownNow();
    }
}
