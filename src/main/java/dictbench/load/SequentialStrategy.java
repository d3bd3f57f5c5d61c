package dictbench.load;
import dictbench.dataset.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** One file after another on the calling thread: the baseline every speedup is measured against. */
public final class SequentialStrategy implements Strategy {
    @Override
    public LoadResult load(List<Path> files, Format format) throws IOException {
        try (LoadPlan plan = LoadPlan.of(files, format, false)) {
            for (LoadPlan.Task task : plan.tasks()) {
                task.run();
            }
            return plan.result();
        }
    }
}
