package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.os.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"binary", "java-serial"})
    void sameSpecGivesByteIdenticalFiles(String format) throws IOException {
        DatasetSpec a = TestSpecs.small("det", format, dir.resolve("a"), 3, 2_000);
        DatasetSpec b = a.withDirectories(List.of(dir.resolve("b")));
        Manifest ma = new Generator().generate(a, n -> { }).manifest();
        Manifest mb = new Generator().generate(b, n -> { }).manifest();
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Files.readAllBytes(ma.files().get(i).file()), Files.readAllBytes(mb.files().get(i).file()), "file " + i);
            assertEquals(ma.files().get(i).crc32c(), mb.files().get(i).crc32c());
        }
        assertEquals(ma.specHash(), mb.specHash());
    }

    @Test
    void manifestDescribesEachFileTruly() throws IOException {
        DatasetSpec spec = new DatasetSpec("m", 3, 1_000, List.of(1, 1, 4), new DatasetSpec.LengthRange(12, 24),
                new DatasetSpec.LengthRange(24, 72), 7, "binary", List.of(dir), "");
        AtomicLong progress = new AtomicLong();
        Generator.Result result = new Generator().generate(spec, progress::addAndGet);
        assertEquals(6_000, progress.get(), "progress adds up to every entry");
        Manifest read = Manifest.read(result.manifestPath());
        assertEquals(result.manifest().files(), read.files());
        assertEquals(spec.contentHash(), read.specHash());
        assertEquals(List.of(1_000L, 1_000L, 4_000L), read.files().stream().map(Manifest.FileEntry::entries).toList());
        for (Manifest.FileEntry f : read.files()) {
            assertEquals(Files.size(f.file()), f.bytes());
            assertEquals(Manifest.fileCrc32c(f.file()), f.crc32c());
            Map<String, String> map = new BinaryFormat().read(f.file());
            assertEquals(ContentDigest.of(map).hex(), f.digest());
            assertEquals(f.entries(), map.size());
            map.keySet().forEach(k -> assertTrue(k.length() >= 12 && k.length() <= 24, k));
            map.values().forEach(v -> assertTrue(v.length() >= 24 && v.length() <= 72, v));
        }
        assertEquals(Files.getFileStore(dir).type(), read.mounts().getFirst().type());
    }

    @Test
    void contentDigestIsTheSameInEveryFormat() throws IOException {
        Manifest bin = new Generator().generate(TestSpecs.small("x", "binary", dir, 2, 500), n -> { }).manifest();
        Manifest ser = new Generator().generate(TestSpecs.small("x", "java-serial", dir, 2, 500), n -> { }).manifest();
        assertEquals(bin.files().get(1).digest(), ser.files().get(1).digest());
    }

    @Test
    void keepsMatchingFilesAndRewritesStaleOnes() throws IOException {
        DatasetSpec spec = TestSpecs.small("keep", "binary", dir, 3, 1_000);
        Generator.Result first = new Generator().generate(spec, n -> { });
        assertEquals(3, first.written());
        Path damaged = first.manifest().files().get(1).file();
        byte[] bytes = Files.readAllBytes(damaged);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(damaged, bytes);
        Path leftover = damaged.resolveSibling("part-001.dict.12345" + AtomicFiles.TEMP_SUFFIX);
        Files.write(leftover, new byte[] {1, 2, 3});

        Generator.Result second = new Generator().generate(spec, n -> { });
        assertEquals(1, second.written());
        assertEquals(2, second.kept());
        assertEquals(first.manifest().files(), second.manifest().files());
        second.manifest().verifyFiles();
        assertFalse(Files.exists(leftover), "a killed run's temporary file is cleaned up");
        try (Stream<Path> files = Files.list(damaged.getParent())) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(AtomicFiles.TEMP_SUFFIX)));
        }
    }

    @Test
    void verifyNamesTheFileThatDiffers() throws IOException {
        Manifest m = new Generator().generate(TestSpecs.small("v", "binary", dir, 2, 300), n -> { }).manifest();
        Path f = m.files().get(0).file();
        Files.write(f, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        DatasetMismatchException e = assertThrows(DatasetMismatchException.class, m::verifyFiles);
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("bytes, manifest says"), e.getMessage());
        Files.delete(f);
        assertTrue(assertThrows(DatasetMismatchException.class, m::verifyFiles).getMessage().contains("is missing"));
    }

    @Test
    void refusesWhenDiskSpaceIsShortAndWritesNothing() {
        DatasetSpec huge = new DatasetSpec("huge", 10_000, 200_000_000, java.util.Collections.nCopies(10_000, 1),
                new DatasetSpec.LengthRange(12, 24), new DatasetSpec.LengthRange(24, 72), 1, "binary", List.of(dir), "");
        IOException e = assertThrows(IOException.class, () -> new Generator().generate(huge, n -> { }));
        assertTrue(e.getMessage().startsWith("not enough free space in "), e.getMessage());
        assertFalse(Files.exists(Generator.manifestPath(huge)));
    }

    @Test
    void refusesUnwritableOutputDirectory() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a directory");
        DatasetSpec spec = TestSpecs.small("w", "binary", file, 1, 10);
        IOException e = assertThrows(IOException.class, () -> new Generator().generate(spec, n -> { }));
        assertTrue(e.getMessage().contains("cannot create output directory"), e.getMessage());
    }

    @Test
    void refusesADirectoryWhoseMountIsMissingAndCreatesNothing() {
        Path unmounted = dir.resolve("not-mounted"); // stands for a missing /dev/shm or second disk
        DatasetSpec spec = TestSpecs.small("m", "binary", unmounted.resolve("dictbench"), 1, 10);
        java.nio.file.NoSuchFileException e = assertThrows(java.nio.file.NoSuchFileException.class,
                () -> new Generator().generate(spec, n -> { }));
        assertTrue(e.getMessage().contains(unmounted + ": does not exist") && e.getMessage().contains("is it mounted?"), e.getMessage());
        assertFalse(Files.exists(unmounted), "nothing may be created on the wrong filesystem");
    }

    enum Tampering { BIT_FLIP, TRUNCATION, EXTRA_BYTES, SWAPPED_FILES }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(Tampering.class)
    void manifestCheckCatchesAFileChangedAfterGeneration(Tampering tampering) throws IOException {
        Manifest m = new Generator().generate(TestSpecs.small("t", "binary", dir, 3, 500), n -> { }).manifest();
        Path a = m.files().get(1).file();
        Path b = m.files().get(2).file();
        byte[] bytes = Files.readAllBytes(a);
        switch (tampering) {
            case BIT_FLIP -> {
                bytes[bytes.length - 7] ^= 0x04;
                Files.write(a, bytes);
            }
            case TRUNCATION -> Files.write(a, java.util.Arrays.copyOf(bytes, bytes.length - 1));
            case EXTRA_BYTES -> Files.write(a, java.util.Arrays.copyOf(bytes, bytes.length + 16));
            case SWAPPED_FILES -> {
                Files.write(a, Files.readAllBytes(b));
                Files.write(b, bytes);
            }
        }
        DatasetMismatchException e = assertThrows(DatasetMismatchException.class, m::verifyFiles);
        assertTrue(e.getMessage().startsWith(a.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains("manifest says"), "says what differed: " + e.getMessage());
    }
}
