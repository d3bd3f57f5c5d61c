package dictbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.dataset.ContentDigest;
import dictbench.dataset.Format;
import dictbench.dataset.Generator;
import dictbench.dataset.Manifest;
import dictbench.dataset.TestSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every store, built from the same generated dataset, holds exactly its content: the scan's digest is the manifest's. */
class StoreTest {

    @TempDir
    static Path dir;
    static Manifest manifest;
    static dictbench.dataset.DatasetSpec spec;

    @BeforeAll
    static void generate() throws IOException {
        spec = TestSpecs.small("stores", "binary", dir.resolve("data"), 3, 2_000);
        manifest = new Generator().generate(spec, done -> { }).manifest();
    }

    static Path target(StoreKind kind, String name) {
        return dir.resolve(kind.key()).resolve(name + "." + kind.extension());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aStoreBuiltFromAFileHoldsExactlyItsEntries(StoreKind kind) throws IOException {
        for (Manifest.FileEntry f : manifest.files()) {
            Map<String, String> map = Format.named("binary").read(f.file());
            Path target = target(kind, f.file().getFileName().toString());
            Files.createDirectories(target.getParent());
            kind.build(map, target);
            try (Store store = kind.open(target)) {
                ContentDigest digest = new ContentDigest();
                store.scan(digest::add);
                f.checkContent(digest.entries(), digest.hex()); // throws naming what differs
                List<String> keys = new ArrayList<>(map.keySet());
                Random random = new Random(7);
                for (int i = 0; i < 200; i++) {
                    String key = keys.get(random.nextInt(keys.size()));
                    assertEquals(map.get(key), store.get(key), kind + ": " + key);
                }
                assertNull(store.get("no such key \u0001"), kind + ": a miss is null");
                assertEquals(kind.files(target).stream().mapToLong(StoreTest::size).sum(), store.bytes());
                assertTrue(store.bytes() > 0);
            }
            try (Stream<Path> left = Files.list(target.getParent())) {
                assertTrue(left.noneMatch(p -> p.getFileName().toString().contains(".tmp")), kind + ": no temporary file is left");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aChangedEntryChangesTheDigest(StoreKind kind) throws IOException {
        // the check above can fail: a store holding one wrong value does not pass as the manifest's content
        Manifest.FileEntry f = manifest.files().getFirst();
        Map<String, String> map = new java.util.HashMap<>(Format.named("binary").read(f.file()));
        String key = map.keySet().iterator().next();
        map.put(key, map.get(key) + "!");
        Path target = target(kind, "changed");
        Files.createDirectories(target.getParent());
        kind.build(map, target);
        try (Store store = kind.open(target)) {
            ContentDigest digest = new ContentDigest();
            store.scan(digest::add);
            assertThrows(dictbench.dataset.DatasetMismatchException.class, () -> f.checkContent(digest.entries(), digest.hex()));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aDatasetsStoresAreBuiltBesideItsFilesCheckedAndKeptWhileTheyMatch(StoreKind kind) throws IOException {
        StoreSet set = StoreSet.build(spec, manifest, kind);
        assertEquals(manifest.files().size(), set.stores().size());
        for (int i = 0; i < set.stores().size(); i++) {
            assertEquals(manifest.files().get(i).digest(), set.stores().get(i).digest(), "store " + i + " holds file " + i + "'s content");
            assertEquals(StoreSet.storePath(spec, kind, i).toAbsolutePath().toString(), set.stores().get(i).path());
        }
        assertEquals(set, StoreSet.read(StoreSet.descriptionPath(spec, kind)), "stores.json describes them");
        Path first = StoreSet.storePath(spec, kind, 0);
        var before = Files.getLastModifiedTime(first);
        assertEquals(set, StoreSet.build(spec, manifest, kind), "a second build keeps every store");
        assertEquals(before, Files.getLastModifiedTime(first));
        Files.write(first, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND); // a store changed on disk is built again
        StoreSet again = StoreSet.build(spec, manifest, kind);
        assertEquals(set.stores().getFirst().digest(), again.stores().getFirst().digest());
        assertEquals(set.stores().getFirst().bytes(), Files.size(first) + (kind == StoreKind.SPARKEY ? Files.size(kind.files(first).get(1)) : 0));
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aMissingStoreSaysSo(StoreKind kind) {
        IOException e = assertThrows(IOException.class, () -> kind.open(target(kind, "missing")));
        assertTrue(e.getMessage().contains("build it first"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aTruncatedStoreIsRefusedNamingItsFile(StoreKind kind) throws IOException {
        Manifest.FileEntry f = manifest.files().getFirst();
        Path target = target(kind, "truncated");
        Files.createDirectories(target.getParent());
        kind.build(Format.named("binary").read(f.file()), target);
        for (Path file : kind.files(target)) {
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(channel.size() / 2);
            }
        }
        // opening and reading it all must fail with an IOException that names a file of the store, not kill the JVM
        IOException e = assertThrows(IOException.class, () -> {
            try (Store store = kind.open(target)) {
                store.scan((k, v) -> { });
                for (String key : Format.named("binary").read(f.file()).keySet()) {
                    store.get(key);
                }
            }
        });
        assertTrue(kind.files(target).stream().anyMatch(p -> e.getMessage().contains(p.toString())), kind + ": " + e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void threadsLookUpAtOnceEachWithItsOwnReader(StoreKind kind) throws Exception {
        Manifest.FileEntry f = manifest.files().getFirst();
        Map<String, String> map = Format.named("binary").read(f.file());
        Path target = target(kind, "threads");
        Files.createDirectories(target.getParent());
        kind.build(map, target);
        List<String> keys = new ArrayList<>(map.keySet());
        try (Store store = kind.open(target); var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    int found = 0;
                    for (int i = offset; i < keys.size(); i += 4) {
                        assertEquals(map.get(keys.get(i)), store.get(keys.get(i)));
                        found++;
                    }
                    return found;
                }));
            }
            int total = 0;
            for (var d : done) {
                total += d.get();
            }
            assertEquals(keys.size(), total);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
