package dictbench.load;
import dictbench.dataset.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One way of loading a set of dictionary files into one map per file. Implementations really run
 * concurrently (except {@link SequentialStrategy}) and return every entry, so the result can be
 * checked against the manifest. Close a strategy to release its threads or worker processes. Its name
 * in tables and on the command line is in {@code dictbench.run.Catalogue}, beside its benchmark class.
 */
public sealed interface Strategy extends AutoCloseable
        permits SequentialStrategy, PlatformThreadsStrategy, VirtualThreadsStrategy, ForkJoinStrategy, AsyncStrategy, SubprocessStrategy {

    /** Loads {@code files}, all in {@code format}; maps come back in the order of {@code files}. */
    LoadResult load(List<Path> files, Format format) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
