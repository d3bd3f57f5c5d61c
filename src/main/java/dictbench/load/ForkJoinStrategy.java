package dictbench.load;

import dictbench.dataset.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * A {@link ForkJoinPool} of {@code threads} parallelism with one task per block: idle workers steal
 * blocks from busy ones, so one big file or skewed file sizes still spread over every core. Formats
 * that cannot be split (java-serial) fall back to one task per file.
 */
public final class ForkJoinStrategy implements Strategy {
    public static final String NAME = "forkjoin";

    private final int threads;
    private final ForkJoinPool pool;

    public ForkJoinStrategy(int threads) {
        this.threads = Threads.check(threads);
        this.pool = new ForkJoinPool(threads);
    }

    public int threads() {
        return threads;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LoadResult load(List<Path> files, Format format) throws IOException {
        try (LoadPlan plan = LoadPlan.of(files, format, true)) {
            List<ForkJoinTask<?>> tasks = plan.tasks().stream()
                    .<ForkJoinTask<?>>map(t -> ForkJoinTask.adapt(() -> Tasks.runUnchecked(t)))
                    .toList();
            try {
                pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
            } catch (RuntimeException e) {
                throw Tasks.unwrap(e);
            }
            return plan.result();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
