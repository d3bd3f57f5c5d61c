package dictbench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.bench.ShotBenchmark;
import dictbench.dataset.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Fork;

class HeapBudgetTest {

    /** A manifest of {@code files} files, {@code entries} entries and {@code bytes} bytes each. */
    static Manifest manifest(int files, long entries, long bytes) {
        List<Manifest.FileEntry> list = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            list.add(new Manifest.FileEntry("/data/f" + i, bytes, entries, "00000000", "0000000000000000"));
        }
        return new Manifest(Manifest.VERSION, "test", "hash", "binary", Map.of(), list, List.of());
    }

    /**
     * Runs {@link HeapCheckProbe} in a JVM with {@code collectorFlag} and the flags {@link HeapBudget#jvmArgs} suggests
     * for the default dataset's shape; returns its exit status and stderr.
     */
    static String[] probe(String collectorFlag) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        if (collectorFlag != null) {
            cmd.add(collectorFlag);
        }
        cmd.addAll(HeapBudget.jvmArgs(manifest(6, 1_000_000, 68_000_000)));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), HeapCheckProbe.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return new String[] {String.valueOf(p.waitFor()), out};
    }

    /** The flags the check suggests must pass the check, whatever the collector (Parallel reports a smaller maxMemory). */
    @ParameterizedTest
    @ValueSource(strings = {"-XX:+UseG1GC", "-XX:+UseParallelGC", "-XX:+UseSerialGC", "-XX:+UseZGC", "-XX:+UseShenandoahGC"})
    void theSuggestedFlagsPassTheCheckUnderEveryCollector(String collector) throws Exception {
        String[] unknown = probe(collector);
        org.junit.jupiter.api.Assumptions.assumeFalse(unknown[1].contains("Unrecognized VM option") || unknown[1].contains("not supported"),
                "this JDK lacks " + collector);
        assertEquals("0", unknown[0], collector + ": " + unknown[1]);
    }

    @Test
    void parsesJvmSizes() {
        assertEquals(2560L << 20, parseSize("2560m"));
        assertEquals(3L << 30, parseSize("3G"));
        assertEquals(512L << 10, parseSize("512k"));
        assertEquals(4096, parseSize("4096"));
        assertEquals(-1, parseSize("lots"));
    }

    @Test
    void warnsWhenTheYoungGenerationIsMissingOrTooSmall() {
        Manifest m = manifest(6, 1_000_000, 72_000_000);
        List<String> flags = HeapBudget.jvmArgs(m);
        long ownYoung = parseSize(flags.get(2).substring(4));
        assertTrue(HeapBudget.youngGenerationWarning(m, OptionalLong.of(ownYoung)).isEmpty(), "its own flags are enough");
        assertTrue(HeapBudget.youngGenerationWarning(m, OptionalLong.empty()).orElseThrow().contains("left to the collector"));
        String warning = HeapBudget.youngGenerationWarning(m, OptionalLong.of(256L << 20)).orElseThrow();
        assertTrue(warning.contains("0.3 GB") && warning.contains(String.join(" ", flags)), warning);
    }

    @Test
    void readsTheYoungGenerationFromWhicheverFlagSetsIt() {
        long heap = 6L << 30;
        Map<String, String> xmn = Map.of("NewSize", String.valueOf(2560L << 20)); // -Xmn and -XX:NewSize both set NewSize
        assertEquals(OptionalLong.of(2560L << 20), HeapBudget.minimumYoungBytes(f -> Optional.ofNullable(xmn.get(f)), heap));
        Map<String, String> ratio = Map.of("NewRatio", "2");
        assertEquals(OptionalLong.of(2L << 30), HeapBudget.minimumYoungBytes(f -> Optional.ofNullable(ratio.get(f)), heap));
        assertEquals(OptionalLong.empty(), HeapBudget.minimumYoungBytes(f -> Optional.empty(), heap));
        // the test JVM is started with -Xmx only: its young generation is the collector's to size
        assertEquals(OptionalLong.empty(), HeapBudget.minimumYoungBytes());
    }

    /**
     * The annotation's default flags (used by a plain {@code java -jar target/benchmarks.jar}) fit
     * the largest built-in dataset: 6 million entries taking 432 MB on disk (the
     * default dataset's files total 408 MB in binary and 432 MB in java-serial).
     */
    @Test
    void annotationDefaultsFitTheBuiltInDatasets() {
        Manifest largest = manifest(6, 1_000_000, 72_000_000);
        List<String> defaults = List.of(ShotBenchmark.class.getAnnotation(Fork.class).jvmArgsPrepend());
        long xmn = defaults.stream().filter(a -> a.startsWith("-Xmn")).mapToLong(a -> parseSize(a.substring(4))).max().orElse(0);
        assertTrue(HeapBudget.youngGenerationWarning(largest, OptionalLong.of(xmn)).isEmpty(), defaults.toString());
        long xmx = defaults.stream().filter(a -> a.startsWith("-Xmx")).mapToLong(a -> parseSize(a.substring(4))).max().orElse(0);
        HeapBudget.check(largest, xmx);
    }

    /**
     * A -Xmx/-Xmn style size, to read the flags HeapBudget writes: digits with an optional k, m, g
     * or t suffix; -1 when it is not one.
     */
    private static long parseSize(String size) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([kKmMgGtT]?)").matcher(size);
        if (!m.matches()) {
            return -1;
        }
        int shift = switch (Character.toLowerCase(m.group(2).isEmpty() ? ' ' : m.group(2).charAt(0))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        return Long.parseLong(m.group(1)) << shift;
    }
}
