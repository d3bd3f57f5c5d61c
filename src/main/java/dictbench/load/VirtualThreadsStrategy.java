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
 */
public final class VirtualThreadsStrategy implements Strategy {
    public static final String NAME = "virtual";

    private final boolean splitBlocks;

    public VirtualThreadsStrategy(boolean splitBlocks) {
        this.splitBlocks = splitBlocks;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LoadResult load(List<Path> files, Format format) throws IOException {
        try (LoadPlan plan = LoadPlan.of(files, format, splitBlocks);
             ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
            Tasks.runAll(perTask, plan.tasks());
            return plan.result();
        }
    }
}
