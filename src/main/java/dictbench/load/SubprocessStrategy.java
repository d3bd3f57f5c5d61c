package dictbench.load;

import dictbench.dataset.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Placeholder until the subprocess strategy lands. */
public final class SubprocessStrategy implements Strategy {
    public static final String NAME = "subprocess";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LoadResult load(List<Path> files, Format format) throws IOException {
        throw new UnsupportedOperationException("not yet");
    }
}
