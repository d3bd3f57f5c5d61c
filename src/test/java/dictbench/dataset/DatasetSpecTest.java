package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSpecTest {
    @TempDir
    Path root;

    private static Properties valid() {
        Properties p = new Properties();
        p.setProperty("files", "6");
        p.setProperty("entries", "1000");
        p.setProperty("key.length", "12-24");
        p.setProperty("value.length", "24-72");
        p.setProperty("seed", "1");
        p.setProperty("format", "binary");
        p.setProperty("dirs", "data,/dev/shm/x");
        return p;
    }

    @Test
    void readsEveryCommittedSpec() throws IOException {
        for (String name : List.of("default", "smoke", "skewed", "many-small", "one-big", "two-mounts")) {
            DatasetSpec spec = Datasets.spec(name, Path.of("").toAbsolutePath());
            assertEquals(name, spec.name());
        }
        DatasetSpec skewed = Datasets.spec("skewed", Path.of("").toAbsolutePath());
        assertEquals(4 * skewed.entriesOf(0), skewed.entriesOf(5), "the last skewed file is 4x the others");
        assertEquals(6_000_000, Datasets.spec("default", Path.of("").toAbsolutePath()).totalEntries());
    }

    @Test
    void resolvesRelativeDirectoriesAgainstTheRoot() {
        DatasetSpec spec = DatasetSpec.parse("t", valid(), root);
        assertEquals(List.of(root.resolve("data"), Path.of("/dev/shm/x")), spec.directories());
        assertEquals(root.resolve("data"), spec.directoryOf(2));
        assertEquals(Path.of("/dev/shm/x"), spec.directoryOf(3));
    }

    @Test
    void rejectsUnknownKey() {
        Properties p = valid();
        p.setProperty("entires", "5");
        SpecException e = assertThrows(SpecException.class, () -> DatasetSpec.parse("t", p, root));
        assertTrue(e.getMessage().contains("unknown key(s) [entires]"), e.getMessage());
    }

    @Test
    void rejectsNegativeCount() {
        Properties p = valid();
        p.setProperty("entries", "-3");
        SpecException e = assertThrows(SpecException.class, () -> DatasetSpec.parse("t", p, root));
        assertTrue(e.getMessage().contains("entries must be >= 0, got -3"), e.getMessage());
    }

    @Test
    void rejectsNonNumericValueNamingTheKey() {
        Properties p = valid();
        p.setProperty("files", "six");
        SpecException e = assertThrows(SpecException.class, () -> DatasetSpec.parse("t", p, root));
        assertTrue(e.getMessage().contains("files must be a whole number, got 'six'"), e.getMessage());
    }

    @Test
    void rejectsMissingKey() {
        Properties p = valid();
        p.remove("seed");
        SpecException e = assertThrows(SpecException.class, () -> DatasetSpec.parse("t", p, root));
        assertTrue(e.getMessage().contains("missing required key 'seed'"), e.getMessage());
    }

    @Test
    void rejectsUnknownFormat() {
        Properties p = valid();
        p.setProperty("format", "parquet");
        SpecException e = assertThrows(SpecException.class, () -> DatasetSpec.parse("t", p, root));
        assertTrue(e.getMessage().contains("unknown format 'parquet'"), e.getMessage());
    }

    @Test
    void rejectsKeysTooShortToBeUnique() {
        Properties p = valid();
        p.setProperty("key.length", "2-4"); // 1000 entries need a 2-char suffix plus 2 random chars
        SpecException e = assertThrows(SpecException.class, () -> DatasetSpec.parse("t", p, root));
        assertTrue(e.getMessage().contains("key.length min must be >= 4"), e.getMessage());
    }

    @Test
    void rejectsScaleOfWrongLength() {
        Properties p = valid();
        p.setProperty("entries.scale", "1,4");
        SpecException e = assertThrows(SpecException.class, () -> DatasetSpec.parse("t", p, root));
        assertTrue(e.getMessage().contains("one multiplier per file (6), got 2"), e.getMessage());
    }

    @Test
    void rejectsMissingSpecFile() {
        SpecException e = assertThrows(SpecException.class, () -> Datasets.spec("no-such-spec", root));
        assertTrue(e.getMessage().contains("dataset spec 'no-such-spec' not found"), e.getMessage());
        SpecException f = assertThrows(SpecException.class, () -> Datasets.spec(root.resolve("x.properties").toString(), root));
        assertTrue(f.getMessage().contains("does not exist"), f.getMessage());
    }

    @Test
    void readsSpecFileByPath() throws IOException {
        Path file = root.resolve("mine.properties");
        try (var out = Files.newBufferedWriter(file)) {
            valid().store(out, null);
        }
        assertEquals("mine", Datasets.spec(file.toString(), root).name());
    }

    @Test
    void contentHashIgnoresLocationButNotContent() {
        DatasetSpec a = DatasetSpec.parse("t", valid(), root);
        assertEquals(a.contentHash(), a.withDirectories(List.of(Path.of("/elsewhere"))).contentHash());
        assertNotEquals(a.contentHash(), a.withFormat("java-serial").contentHash());
        Properties p = valid();
        p.setProperty("seed", "2");
        assertNotEquals(a.contentHash(), DatasetSpec.parse("t", p, root).contentHash());
    }
}
