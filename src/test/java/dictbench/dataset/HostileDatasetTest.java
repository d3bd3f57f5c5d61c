package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Specs and manifests a careless or hostile user might give: each is refused by name, none hangs, none wraps. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HostileDatasetTest {
    @TempDir
    Path root;

    static final String VALID = "files=6\nentries=1000\nkey.length=12-24\nvalue.length=24-72\nseed=1\nformat=binary\ndirs=data\n";

    Path spec(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    static String message(Path file, Path root) {
        return assertThrows(SpecException.class, () -> DatasetSpec.read(file, root)).getMessage();
    }

    @Test
    void numbersThatDoNotFitAreRefusedNotWrapped() throws IOException {
        String wrapped = message(spec("w.properties", VALID.replace("key.length=12-24", "key.length=4294967308-4294967320")), root);
        assertTrue(wrapped.contains("key.length is out of range: 4294967308"), wrapped);
        String scale = message(spec("s.properties", VALID + "entries.scale=1,1,1,1,1,4294967297\n"), root);
        assertTrue(scale.contains("entries.scale is out of range: 4294967297"), scale);
        String product = message(spec("p.properties", VALID.replace("entries=1000", "entries=4611686018427387904")
                + "entries.scale=1,1,1,1,1,4\n"), root);
        assertTrue(product.contains("a file may hold at most 2147483639 entries, got 4611686018427387904 × 4"), product);
        String huge = message(spec("h.properties", VALID.replace("seed=1", "seed=99999999999999999999")), root);
        assertTrue(huge.contains("seed must be a whole number"), huge);
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws IOException {
        String twice = message(spec("d.properties", VALID + "entries=2000\n"), root);
        assertTrue(twice.contains("key(s) [entries] given twice"), twice);
    }

    @Test
    void onlyPropertiesFilesAreSpecs() throws IOException {
        String passwd = message(spec("passwd", "root:x:0:0:root:/root:/bin/bash\n"), root);
        assertTrue(passwd.contains("is not a dataset spec: spec files are NAME.properties"), passwd);
    }

    /** A FIFO, made with mkfifo(1) where there is one. */
    Path fifo(Path where) throws Exception {
        Process p = new ProcessBuilder("mkfifo", where.toString()).start();
        assumeTrue(p.waitFor() == 0 && Files.exists(where), "needs mkfifo");
        return where;
    }

    @Test
    void aFifoIsNeverOpened() throws Exception {
        String spec = message(fifo(root.resolve("f.properties")), root);
        assertTrue(spec.contains("is not a regular file"), spec);
        Path manifest = fifo(root.resolve(Manifest.FILE_NAME));
        DatasetMismatchException m = assertThrows(DatasetMismatchException.class, () -> Manifest.read(manifest));
        assertTrue(m.getMessage().contains("is not a regular file"), m.getMessage());
    }

    @Test
    void aManifestWithTrailingContentIsRefused() throws IOException {
        Manifest m = new Manifest(Manifest.VERSION, "t", "hash", "binary", java.util.Map.of(), List.of(), List.of());
        Path file = root.resolve(Manifest.FILE_NAME);
        m.write(file);
        Files.writeString(file, Files.readString(file) + "{\"version\":1}");
        DatasetMismatchException e = assertThrows(DatasetMismatchException.class, () -> Manifest.read(file));
        assertTrue(e.getMessage().contains("is not a valid manifest"), e.getMessage());
    }

    static Manifest manifestOf(DatasetSpec spec, List<Integer> fileIndexes) {
        List<Manifest.FileEntry> files = new ArrayList<>();
        for (int i : fileIndexes) {
            files.add(new Manifest.FileEntry("/elsewhere/" + spec.name() + "-binary/part-" + String.format("%03d", i) + ".dict", 100,
                    spec.entriesOf(i), "00000000", "0000000000000000"));
        }
        return new Manifest(Manifest.VERSION, spec.name(), spec.contentHash(), "binary", java.util.Map.of(), files, List.of());
    }

    @Test
    void theManifestMustListTheSpecsFiles() throws Exception {
        DatasetSpec spec = TestSpecs.small("t", "binary", root, 6, 100);
        Format binary = Format.named("binary");
        String fewer = assertThrows(DatasetMismatchException.class, () -> manifestOf(spec, List.of(0, 1)).of(spec, binary)).getMessage();
        assertTrue(fewer.contains("lists 2 files, its spec has 6"), fewer);
        String none = assertThrows(DatasetMismatchException.class, () -> manifestOf(spec, List.of()).of(spec, binary)).getMessage();
        assertTrue(none.contains("lists 0 files, its spec has 6"), none);
        String same = assertThrows(DatasetMismatchException.class, () -> manifestOf(spec, List.of(0, 0, 0, 0, 0, 0)).of(spec, binary))
                .getMessage();
        assertTrue(same.contains("as file 1, the spec's file 1 is part-001.dict"), same);
        Manifest wrongCount = new Manifest(Manifest.VERSION, "t", spec.contentHash(), "binary", java.util.Map.of(),
                manifestOf(spec, List.of(0, 1, 2, 3, 4, 5)).files().stream().map(f -> new Manifest.FileEntry(f.path(), f.bytes(), 7,
                        f.crc32c(), f.digest())).toList(), List.of());
        String entries = assertThrows(DatasetMismatchException.class, () -> wrongCount.of(spec, binary)).getMessage();
        assertTrue(entries.contains("holds 7 entries, its spec says 100"), entries);
    }

    @Test
    void filesAreReadWhereTheSpecPutsThemNotWhereTheManifestWasWritten() throws Exception {
        DatasetSpec spec = TestSpecs.small("t", "binary", root, 6, 100);
        Manifest located = manifestOf(spec, List.of(0, 1, 2, 3, 4, 5)).of(spec, Format.named("binary"));
        assertEquals(Generator.dataDirectory(spec, 0).resolve("part-003.dict").toAbsolutePath(), located.paths().get(3),
                "beside the manifest, not in /elsewhere");
    }
}
