package dictbench.dataset;

import java.nio.file.Path;
import java.util.List;

/** Small specs for tests. */
public final class TestSpecs {
    private TestSpecs() {
    }

    public static DatasetSpec small(String name, String format, Path dir, int files, long entries) {
        return new DatasetSpec(name, files, entries, java.util.Collections.nCopies(files, 1),
                new DatasetSpec.LengthRange(8, 20), new DatasetSpec.LengthRange(0, 40), 42L, format, List.of(dir), "test");
    }
}
