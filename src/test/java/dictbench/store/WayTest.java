package dictbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.dataset.CompactFormat;
import dictbench.dataset.ContentDigest;
import dictbench.dataset.DatasetMismatchException;
import dictbench.dataset.DatasetSpec;
import dictbench.dataset.Datasets;
import dictbench.dataset.Format;
import dictbench.dataset.Generator;
import dictbench.dataset.Manifest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way of answering lookups (the loaded HashMaps, the compact maps, each store, each store behind a cache) over
 * the same datasets: the committed {@code smoke} and {@code skewed} specs with their shape kept and entries cut, and an
 * empty one. Each must scan to the manifest's digests and answer a batch of hits and misses exactly.
 */
class WayTest {
    static final long TEST_ENTRIES = 3_000;

    @TempDir
    static Path dir;

    private static final Map<String, Manifest> GENERATED = new HashMap<>();

    static synchronized Manifest dataset(String name) throws IOException {
        Manifest m = GENERATED.get(name);
        if (m == null) {
            DatasetSpec spec = spec(name);
            m = new Generator().generate(spec, n -> { }).manifest();
            for (StoreKind kind : StoreKind.values()) {
                StoreSet.build(spec, m, kind);
            }
            GENERATED.put(name, m);
        }
        return m;
    }

    static DatasetSpec spec(String name) throws IOException {
        if (name.equals("empty")) {
            return new DatasetSpec("empty", 2, 0, List.of(1, 1), new DatasetSpec.LengthRange(4, 8), new DatasetSpec.LengthRange(0, 4),
                    1L, "binary", List.of(dir), "no entries");
        }
        DatasetSpec full = Datasets.spec(name, Path.of("").toAbsolutePath());
        return new DatasetSpec(full.name(), full.files(), TEST_ENTRIES, full.scale(), full.keyLength(), full.valueLength(), full.seed(),
                "binary", List.of(dir), full.description());
    }

    static Stream<Arguments> everyWayAndDataset() {
        List<Arguments> all = new ArrayList<>();
        for (Way way : Way.values()) {
            for (String dataset : List.of("smoke", "skewed")) {
                all.add(Arguments.of(way, dataset));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} over {1}")
    @MethodSource("everyWayAndDataset")
    void everyWayScansToTheManifestAndAnswersHitsAndMisses(Way way, String dataset) throws IOException {
        Manifest manifest = dataset(dataset);
        KeyBatch batch = KeyBatch.draw(manifest, 2_000, 25, KeyBatch.Distribution.UNIFORM, 11);
        KeyBatch skewed = KeyBatch.draw(manifest, 2_000, 0, KeyBatch.Distribution.ZIPF, 12);
        assertEquals(500, Stream.of(batch.expected()).filter(v -> v == null).count(), "25% of the batch are misses");
        List<Store> open = way.of(spec(dataset), manifest).open();
        try {
            long scanned = 0;
            for (int i = 0; i < open.size(); i++) {
                ContentDigest digest = new ContentDigest();
                open.get(i).scan(digest::add);
                manifest.files().get(i).checkContent(digest.entries(), digest.hex());
                scanned += digest.entries();
            }
            assertEquals(manifest.totalEntries(), scanned);
            for (KeyBatch b : List.of(batch, skewed, skewed)) { // the second skewed batch finds a cache full
                String[] answers = new String[b.size()];
                for (int i = 0; i < answers.length; i++) {
                    answers[i] = open.get(b.files()[i]).get(b.keys()[i]);
                }
                b.check(answers, way.key());
            }
        } finally {
            for (Store s : open) {
                s.close();
            }
        }
    }

    @Test
    void theCheckCanFail() throws IOException {
        KeyBatch batch = KeyBatch.draw(dataset("smoke"), 100, 10, KeyBatch.Distribution.UNIFORM, 1);
        String[] wrong = batch.expected().clone();
        int hit = java.util.stream.IntStream.range(0, wrong.length).filter(i -> wrong[i] != null).findFirst().orElseThrow();
        wrong[hit] = wrong[hit] + "!";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> batch.check(wrong, "test"));
        assertTrue(e.getMessage().contains("lookup " + hit), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Way.class)
    void anEmptyDatasetScansToNothingAndEveryLookupMisses(Way way) throws IOException {
        Manifest manifest = dataset("empty");
        KeyBatch batch = KeyBatch.draw(manifest, 50, 100, KeyBatch.Distribution.UNIFORM, 2);
        List<Store> open = way.of(spec("empty"), manifest).open();
        try {
            for (Store s : open) {
                ContentDigest digest = new ContentDigest();
                s.scan(digest::add);
                assertEquals(0, digest.entries());
            }
            for (int i = 0; i < batch.size(); i++) {
                assertNull(open.get(batch.files()[i]).get(batch.keys()[i]));
            }
        } finally {
            for (Store s : open) {
                s.close();
            }
        }
    }

    /** Non-ASCII, supplementary and empty strings, through every store and the compact map. */
    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void oddStringsComeBackAsTheyWent(StoreKind kind) throws IOException {
        Map<String, String> odd = new HashMap<>();
        odd.put("grüße", "日本語");
        odd.put("\uD83D\uDE00 smile", "\uD801\uDC37 deseret");
        odd.put("empty value", "");
        odd.put("tab\tand\nnewline", "x");
        odd.put("Ω≈ç√", "\uD83C\uDF0D".repeat(300));
        Path target = dir.resolve("odd-" + kind.key()).resolve("odd." + kind.extension());
        Files.createDirectories(target.getParent());
        kind.build(odd, target);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new CompactFormat().write(odd, bytes);
        try (Store store = kind.open(target); Store compact = new MapStore(new CompactFormat().decode(bytes.toByteArray(), "odd"), 0)) {
            for (Store s : List.of(store, compact)) {
                Map<String, String> scanned = new HashMap<>();
                s.scan(scanned::put);
                assertEquals(odd, scanned);
                for (var e : odd.entrySet()) {
                    assertEquals(e.getValue(), s.get(e.getKey()), e.getKey());
                }
                assertNull(s.get("grüsse"));
            }
        }
    }

    @Test
    void aBatchOfMoreDistinctKeysThanTheDatasetHasIsRefusedSayingWhatToDo() throws IOException {
        Manifest manifest = dataset("smoke");
        long keys = manifest.totalEntries();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyBatch.draw(manifest, (int) keys + 1, 0, KeyBatch.Distribution.UNIFORM, 1));
        assertTrue(e.getMessage().contains("asks " + (keys + 1) + " distinct keys") && e.getMessage().contains("has " + keys)
                && e.getMessage().contains("at most " + keys), e.getMessage());
        assertEquals(keys + 1, KeyBatch.draw(manifest, (int) keys + 1, 0, KeyBatch.Distribution.ZIPF, 1).size(), "a skewed batch repeats keys");
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> KeyBatch.draw(dataset("empty"), 10, 0, KeyBatch.Distribution.UNIFORM, 1));
        assertTrue(empty.getMessage().contains("has no keys"), empty.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyBatch.draw(manifest, 10, 101, KeyBatch.Distribution.UNIFORM, 1))
                .getMessage().contains("0 to 100"));
    }

    @Test
    void unknownWaysStoresAndDistributionsAreNamedWithTheKnownOnes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Way.named("redis")).getMessage()
                .contains("unknown way 'redis'; known: [hashmap, compact, sqlite, lmdb, sparkey, sqlite+cache"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreKind.named("redis")).getMessage()
                .contains("unknown store 'redis'; known: [sqlite, lmdb, sparkey]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KeyBatch.Distribution.named("pareto")).getMessage()
                .contains("known: [uniform, zipf]"));
    }

    @Test
    void aBatchIsTheSameEveryTime() throws IOException {
        Manifest manifest = dataset("skewed");
        KeyBatch a = KeyBatch.draw(manifest, 1_000, 10, KeyBatch.Distribution.ZIPF, 9);
        KeyBatch b = KeyBatch.draw(manifest, 1_000, 10, KeyBatch.Distribution.ZIPF, 9);
        assertEquals(List.of(a.keys()), List.of(b.keys()));
        assertTrue(Stream.of(a.keys()).distinct().count() < 1_000, "a Zipf batch repeats its hot keys");
        KeyBatch u = KeyBatch.draw(manifest, 1_000, 0, KeyBatch.Distribution.UNIFORM, 9);
        assertEquals(1_000, Stream.of(u.keys()).distinct().count(), "a uniform batch asks distinct keys");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aStoreFileChangedSinceItWasBuiltIsRefusedBeforeItOpensNamingTheFile(StoreKind kind) throws IOException {
        DatasetSpec spec = new DatasetSpec("changed-" + kind.key(), 1, 500, List.of(1), new DatasetSpec.LengthRange(4, 10),
                new DatasetSpec.LengthRange(0, 10), 3L, "binary", List.of(dir), "test");
        Manifest manifest = new Generator().generate(spec, n -> { }).manifest();
        StoreSet set = StoreSet.build(spec, manifest, kind);
        Path file = kind.files(Path.of(set.stores().getFirst().path())).getLast();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a; // same size: only the checksum can tell
        Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        DatasetMismatchException e = assertThrows(DatasetMismatchException.class, () -> StoreSet.verified(spec, manifest, kind));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("CRC32C")
                && e.getMessage().contains("scripts/dictbench generate " + spec.name() + " --format " + kind.key()), e.getMessage());
        Format.named("binary"); // the dataset itself is untouched
        manifest.verifyFiles();
    }
}
