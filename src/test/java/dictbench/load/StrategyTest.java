package dictbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.dataset.DatasetMismatchException;
import dictbench.dataset.DatasetSpec;
import dictbench.dataset.Datasets;
import dictbench.dataset.CompactFormat;
import dictbench.dataset.CompactMap;
import dictbench.dataset.Format;
import dictbench.dataset.FormatException;
import dictbench.dataset.Generator;
import dictbench.dataset.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every strategy loads the same datasets to the same digests. The datasets are the committed
 * {@code smoke}, {@code skewed} and {@code one-big} specs with their shape kept (file count, per-file
 * scale) and entries cut to {@value #TEST_ENTRIES} per unit of scale, so the suite stays fast.
 */
class StrategyTest {
    static final long TEST_ENTRIES = 6_000;
    static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);
    static final long MAX_TEST_FILE_BYTES = 16L << 20;

    @TempDir
    static Path dir;

    private static final Map<String, Manifest> GENERATED = new HashMap<>();

    /** A named way to build a strategy, so test names say which one failed. */
    record Maker(String label, Supplier<Strategy> make) {
        @Override
        public String toString() {
            return label;
        }
    }

    static List<Maker> strategies() {
        return List.of(
                new Maker("sequential", SequentialStrategy::new),
                new Maker("platform-2", () -> new PlatformThreadsStrategy(2, false)),
                new Maker("platform-2-split", () -> new PlatformThreadsStrategy(2, true)),
                new Maker("virtual", () -> new VirtualThreadsStrategy(false)),
                new Maker("virtual-split", () -> new VirtualThreadsStrategy(true)),
                new Maker("forkjoin-2", () -> new ForkJoinStrategy(2)),
                new Maker("async-2", () -> new AsyncStrategy(2)),
                new Maker("async-1", () -> new AsyncStrategy(1)),
                new Maker("subprocess-spawn-2", () -> SubprocessStrategy.of(SubprocessStrategy.Mode.SPAWN, 2, CHILD_TIMEOUT)),
                new Maker("subprocess-pool-2", StrategyTest::startedPool));
    }

    /** A pool whose workers are started for files far larger than the test datasets'. */
    static Strategy startedPool() {
        SubprocessStrategy pool = SubprocessStrategy.of(SubprocessStrategy.Mode.POOL, 2, CHILD_TIMEOUT);
        try {
            pool.start(MAX_TEST_FILE_BYTES);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pool;
    }

    static Stream<Arguments> everyStrategyFormatAndDataset() {
        List<Arguments> all = new ArrayList<>();
        for (Maker maker : strategies()) {
            for (Format format : Format.ALL) {
                if (maker.label().startsWith("subprocess") && format instanceof CompactFormat) {
                    continue; // refused: subprocessRefusesTheCompactFormat
                }
                for (String dataset : List.of("smoke", "skewed", "one-big")) {
                    all.add(Arguments.of(maker, format.name(), dataset));
                }
            }
        }
        return all.stream();
    }

    static synchronized Manifest dataset(String name, String format) throws IOException {
        String key = name + "/" + format;
        Manifest m = GENERATED.get(key);
        if (m == null) {
            DatasetSpec full = Datasets.spec(name, Path.of("").toAbsolutePath());
            DatasetSpec small = new DatasetSpec(full.name(), full.files(), TEST_ENTRIES, full.scale(), full.keyLength(),
                    full.valueLength(), full.seed(), format, List.of(dir), full.description());
            m = new Generator().generate(small, n -> { }).manifest();
            GENERATED.put(key, m);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} loads {2} ({1})")
    @MethodSource("everyStrategyFormatAndDataset")
    void loadsEveryEntryToTheManifestDigest(Maker maker, String format, String dataset) throws IOException {
        Manifest manifest = dataset(dataset, format);
        try (Strategy strategy = maker.make().get()) {
            LoadResult result = strategy.load(manifest.paths(), Format.named(format));
            result.validate(manifest);
            assertEquals(manifest.totalEntries(), result.entries());
            assertEquals(manifest.files().size(), result.spans().size());
            if (format.equals(CompactFormat.NAME)) {
                assertTrue(result.maps().stream().allMatch(CompactMap.class::isInstance), "the compact format loads compact maps");
            }
        }
    }

    @ParameterizedTest(name = "{0} refuses the compact format")
    @MethodSource("subprocessStrategies")
    void subprocessRefusesTheCompactFormat(Maker maker) throws IOException {
        Manifest manifest = dataset("smoke", CompactFormat.NAME);
        try (Strategy strategy = maker.make().get()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> strategy.load(manifest.paths(), Format.named(CompactFormat.NAME)));
            assertEquals(SubprocessStrategy.COMPACT_REFUSED, e.getMessage());
        }
    }

    static Stream<Maker> subprocessStrategies() {
        return strategies().stream().filter(m -> m.label().startsWith("subprocess"));
    }

    static Stream<Maker> concurrentStrategies() {
        return strategies().stream().filter(m -> !m.label().equals("sequential"));
    }

    /**
     * A strategy that loads one file after another never shows two files in flight; a concurrent one
     * does in at least one of {@value #OVERLAP_TRIES} loads (one try can be unlucky on a busy 2-core machine).
     */
    @ParameterizedTest(name = "{0} has files in flight at once")
    @MethodSource("concurrentStrategies")
    void concurrentStrategiesReallyOverlap(Maker maker) throws IOException {
        Manifest manifest = overlapDataset();
        List<List<FileSpan>> seen = new ArrayList<>();
        try (Strategy strategy = maker.make().get()) {
            for (int i = 0; i < OVERLAP_TRIES; i++) {
                LoadResult result = strategy.load(manifest.paths(), Format.named("binary"));
                if (result.maxFilesInFlight() >= 2) {
                    return;
                }
                seen.add(result.spans());
            }
        }
        org.junit.jupiter.api.Assertions.fail(maker + " loaded one file at a time in " + OVERLAP_TRIES + " loads: " + seen);
    }

    static final int OVERLAP_TRIES = 3;

    /** Six files large enough (~4 MB) that loading one takes far longer than starting a task. */
    static synchronized Manifest overlapDataset() throws IOException {
        Manifest m = GENERATED.get("overlap");
        if (m == null) {
            m = new Generator().generate(dictbench.dataset.TestSpecs.small("overlap", "binary", dir, 6, 60_000), n -> { }).manifest();
            GENERATED.put("overlap", m);
        }
        return m;
    }

    @Test
    void sequentialLoadsOneFileAtATime() throws IOException {
        Manifest manifest = dataset("smoke", "binary");
        try (Strategy strategy = new SequentialStrategy()) {
            assertEquals(1, strategy.load(manifest.paths(), Format.named("binary")).maxFilesInFlight());
        }
    }

    @ParameterizedTest(name = "{0} names the corrupt file")
    @MethodSource("strategies")
    void corruptFileFailsNamingIt(Maker maker) throws IOException {
        Manifest manifest = dataset("smoke", "binary");
        Path corrupt = dir.resolve("corrupt-" + maker.label() + ".dict");
        byte[] bytes = Files.readAllBytes(manifest.paths().get(2));
        Files.write(corrupt, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        List<Path> files = new ArrayList<>(manifest.paths());
        files.set(2, corrupt);
        try (Strategy strategy = maker.make().get()) {
            IOException e = assertThrows(IOException.class, () -> strategy.load(files, Format.named("binary")));
            assertTrue(e.getMessage().contains(corrupt.toString()), e.getMessage());
        }
    }

    @Test
    void validationNamesTheFileAndWhatDiffered() throws IOException {
        Manifest manifest = dataset("smoke", "binary");
        LoadResult result = new SequentialStrategy().load(manifest.paths(), Format.named("binary"));
        List<Map<String, String>> maps = new ArrayList<>(result.maps());
        Map<String, String> changed = new HashMap<>(maps.get(4));
        String key = changed.keySet().iterator().next();
        changed.put(key, changed.get(key) + "!");
        maps.set(4, changed);
        LoadResult tampered = new LoadResult(maps, result.spans(), result.subprocessCosts());
        DatasetMismatchException e = assertThrows(DatasetMismatchException.class, () -> tampered.validate(manifest));
        assertTrue(e.getMessage().startsWith(manifest.files().get(4).path()) && e.getMessage().contains("digest"), e.getMessage());
        changed.remove(key);
        e = assertThrows(DatasetMismatchException.class, () -> tampered.validate(manifest));
        assertTrue(e.getMessage().contains("loaded " + (manifest.files().get(4).entries() - 1) + " entries"), e.getMessage());
    }

    @Test
    void withSeveralFilesWrongTheFirstInFileOrderIsNamed() throws IOException {
        // the files are checked at once on the cores: the one named must not depend on which thread finished first
        Manifest manifest = dataset("smoke", "binary");
        List<Map<String, String>> maps = new ArrayList<>(new SequentialStrategy().load(manifest.paths(), Format.named("binary")).maps());
        for (int i : new int[] {5, 2, 3}) {
            Map<String, String> changed = new HashMap<>(maps.get(i));
            changed.remove(changed.keySet().iterator().next());
            maps.set(i, changed);
        }
        for (int run = 0; run < 20; run++) {
            DatasetMismatchException e = assertThrows(DatasetMismatchException.class, () -> manifest.checkContents(maps));
            assertTrue(e.getMessage().startsWith(manifest.files().get(2).path()), e.getMessage());
        }
    }

    @Test
    void missingFileFailsNamingIt() {
        Path missing = dir.resolve("no-such.dict");
        assertTrue(assertThrows(IOException.class, () -> new SequentialStrategy().load(List.of(missing), Format.named("binary")))
                .getMessage().contains(missing.toString()));
    }

    @Test
    void formatErrorsCarryTheirType() throws IOException {
        Path garbage = dir.resolve("garbage.dict");
        Files.write(garbage, new byte[100]);
        try (Strategy s = new ForkJoinStrategy(2)) {
            assertThrows(FormatException.class, () -> s.load(List.of(garbage), Format.named("binary")));
        }
    }
}
