package dictbench.load;

import dictbench.dataset.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One way of loading a set of dictionary files into one map per file. Implementations really run
 * concurrently (except {@link SequentialStrategy}) and return every entry, so the result can be
 * checked against the manifest. Close a strategy to release its threads or worker processes.
 */
public sealed interface Strategy extends AutoCloseable
        permits SequentialStrategy, PlatformThreadsStrategy, VirtualThreadsStrategy, ForkJoinStrategy, SubprocessStrategy {

    /** The name used in JMH params, tables and the CLI. */
    String name();

    /** Loads {@code files}, all in {@code format}; maps come back in the order of {@code files}. */
    LoadResult load(List<Path> files, Format format) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
