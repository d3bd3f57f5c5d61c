package dictbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dictbench.gate.ComparisonTest.Runs;
import dictbench.stats.Descriptive;
import dictbench.stats.PerformanceChange;
import dictbench.stats.PerformanceChangeTest;
import dictbench.stats.Samples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatsTest {
    @TempDir
    Path dir;

    static final ObjectMapper JSON = new ObjectMapper();
    static final String FJ = "dictbench.bench.ForkJoinLoadBenchmark.load";
    static final String DECODE = "dictbench.bench.DecodeBenchmark.decode";
    static final String SLOWER = "ForkJoinLoadBenchmark.load{cache=warm,dataset=default,threads=2}";
    static final String NEW = "ForkJoinLoadBenchmark.load{cache=warm,dataset=default,threads=4}";
    static final String THROUGHPUT = "DecodeBenchmark.decode{dataset=default}";

    Samples slowerCurrent;
    Samples newCurrent;
    Samples throughputCurrent;
    Comparison report;

    /** A run with one regression in ms/op, one throughput benchmark unchanged, and one new benchmark. */
    @BeforeEach
    void compare() throws IOException {
        slowerCurrent = PerformanceChangeTest.typical(120, 2);
        newCurrent = PerformanceChangeTest.typical(60, 3);
        throughputCurrent = PerformanceChangeTest.typical(4.0, 5);
        Map<String, String> dataset = Map.of("dataset", "default");
        Path b = Runs.write(dir.resolve("b"), Runs.environment(), Runs.load(FJ, 2, PerformanceChangeTest.typical(100, 1)),
                Runs.result(DECODE, "thrpt", "ops/ms", dataset, PerformanceChangeTest.typical(4.0, 4)));
        Path c = Runs.write(dir.resolve("c"), Runs.environment(), Runs.load(FJ, 2, slowerCurrent), Runs.load(FJ, 4, newCurrent),
                Runs.result(DECODE, "thrpt", "ops/ms", dataset, throughputCurrent));
        report = Comparison.compare(b, c, PerformanceChange.Settings.defaults(), false);
    }

    static double median(Samples s) {
        return Descriptive.median(s.all());
    }

    @Test
    void markdownNamesWhatMadeEachSideWhereItsEnvironmentSays() throws IOException {
        assertFalse(new MarkdownFormat().render(report).contains("Baseline: "), "runs without a record: no line");
        dictbench.results.Provenance made = new dictbench.results.Provenance("0123456789abcdef0123456789abcdef01234567", false, "unknown",
                "bench --suite gate", "gate", null, "2026-12-02T10:00:00Z", "2026-12-02T10:07:00Z");
        Path b = Runs.write(dir.resolve("rb"), Runs.environment().withRun(made), Runs.load(FJ, 2, PerformanceChangeTest.typical(100, 1)));
        Path c = Runs.write(dir.resolve("rc"), Runs.environment(), Runs.load(FJ, 2, PerformanceChangeTest.typical(100, 2)));
        String md = new MarkdownFormat().render(Comparison.compare(b, c, PerformanceChange.Settings.defaults(), false));
        assertTrue(md.contains("\n\nBaseline: commit 0123456 · dictbench bench --suite gate · 2026-12-02T10:00:00Z to 2026-12-02T10:07:00Z.\n\n"), md);
        assertFalse(md.contains("Current: "), "the current run has no record: " + md);
    }

    @Test
    void everyFormatHasItsOwnFile() {
        Set<String> names = new TreeSet<>();
        Comparison.FORMATS.forEach(f -> names.add(f.fileName()));
        assertEquals(Set.of("gate.md", "gate.json", "github-action-benchmark.json", "bencher.json"), names);
    }

    @Test
    void markdownLeadsWithTheVerdictAndShowsAbsoluteTimes() {
        String md = new MarkdownFormat().render(report);
        assertTrue(md.startsWith("## dictbench performance gate: FAIL, 1 regressed\n"), md);
        assertTrue(md.contains("1 regressed · 0 improved · 1 unchanged · 0 inconclusive, of 2 benchmarks compared"
                + " (threshold 5%, α = 0.01, Holm)"), md);
        String firstRow = md.lines().filter(l -> l.startsWith("| **REGRESSED** |")).findFirst().orElseThrow();
        assertTrue(firstRow.contains("`" + SLOWER + "`"), firstRow);
        assertTrue(firstRow.matches(".*\\| 1\\d\\d ms \\[.*\\] \\| 1\\d\\d ms \\[.*\\] \\| 1\\.\\d{3} \\[1\\.\\d{3}, 1\\.\\d{3}\\] \\| time \\+.*"),
                firstRow);
        assertTrue(md.contains("| UNCHANGED | `" + THROUGHPUT + "` |"), md);
        assertTrue(md.contains("throughput "), "thrpt rows speak of throughput: " + md);
        assertTrue(md.contains("**Only in the current run (new, not compared)**: `" + NEW + "`"), md);
        assertTrue(md.contains("- `" + SLOWER + "` REGRESSED: time +"), "regressions are explained: " + md);
        assertFalse(md.contains(MarkdownFormat.FORCED), "no environment warning when they match");
        List<String> tableRows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| verdict")).toList();
        assertEquals(2, tableRows.size(), md);
    }

    @Test
    void gateJsonHasEveryFinding() throws IOException {
        JsonNode root = JSON.readTree(new JsonFormat().render(report));
        assertTrue(root.get("regressed").asBoolean());
        assertEquals(1, root.at("/counts/REGRESSED").asInt());
        assertEquals(1, root.at("/counts/UNCHANGED").asInt());
        assertEquals("holm", root.at("/settings/correction").asText());
        assertEquals(0.99, root.at("/settings/confidence").asDouble(), 1e-12);
        assertTrue(root.at("/environment/comparable").asBoolean());
        assertEquals("AMD EPYC", root.at("/environment/current/cpuModel").asText());
        JsonNode slower = null;
        for (JsonNode b : root.get("benchmarks")) {
            if (b.get("name").asText().equals(SLOWER)) {
                slower = b;
            }
        }
        assertTrue(slower != null, root.toPrettyString());
        assertEquals("REGRESSED", slower.get("verdict").asText());
        assertEquals("lower-is-better", slower.get("direction").asText());
        assertEquals("ss", slower.get("mode").asText());
        assertEquals("2", slower.at("/params/threads").asText());
        assertEquals(median(slowerCurrent), slower.at("/current/median").asDouble(), 1e-12);
        assertEquals(50, slower.at("/current/n").asInt());
        assertEquals(5, slower.at("/current/forks").asInt());
        assertEquals(2, slower.get("ratioCi").size());
        assertTrue(slower.get("ratioCi").get(0).asDouble() > 1.05);
        assertTrue(slower.get("adjustedPValue").isNumber() && slower.get("adjustedPValue").asDouble() < 0.01);
        assertTrue(slower.get("shotsPerSideNeeded").isNull());
        assertEquals(List.of(NEW), JSON.convertValue(root.get("onlyInCurrent"), List.class));
        assertEquals(0, root.get("onlyInBaseline").size());
    }

    @Test
    void githubActionBenchmarkIsCustomSmallerIsBetter() throws IOException {
        JsonNode root = JSON.readTree(new GithubActionBenchmarkFormat().render(report));
        assertTrue(root.isArray());
        assertEquals(3, root.size(), "every benchmark of the current run");
        for (JsonNode e : root) {
            assertTrue(e.get("name").isTextual() && e.get("unit").isTextual() && e.get("value").isNumber(), e.toString());
            assertTrue(e.get("range").asText().startsWith("± "), e.toString());
        }
        JsonNode slower = root.get(0);
        assertEquals(SLOWER, slower.get("name").asText());
        assertEquals("ms/op", slower.get("unit").asText());
        assertEquals(median(slowerCurrent), slower.get("value").asDouble(), 1e-12);
        assertTrue(slower.get("extra").asText().endsWith("gate: REGRESSED"), slower.toString());
        assertTrue(root.get(1).get("extra").asText().endsWith("gate: not in baseline"), root.get(1).toString());
        JsonNode thrpt = root.get(2);
        assertEquals(THROUGHPUT, thrpt.get("name").asText());
        assertEquals("ms/op", thrpt.get("unit").asText(), "ops/ms becomes ms/op");
        assertEquals(1 / median(throughputCurrent), thrpt.get("value").asDouble(), 1e-12);
        assertTrue(thrpt.get("extra").asText().startsWith("converted from thrpt"), thrpt.toString());
    }

    @Test
    void bencherMetricFormatUsesLatencyInNanosAndThroughputPerSecond() throws IOException {
        JsonNode root = JSON.readTree(new BencherFormat().render(report));
        assertEquals(Set.of(SLOWER, NEW, THROUGHPUT), fieldNames(root));
        JsonNode latency = root.at("/" + escapePointer(SLOWER) + "/latency");
        assertEquals(median(slowerCurrent) * 1e6, latency.get("value").asDouble(), 1e-3);
        assertTrue(latency.get("lower_value").asDouble() <= latency.get("value").asDouble());
        assertTrue(latency.get("upper_value").asDouble() >= latency.get("value").asDouble());
        assertEquals(Set.of("value", "lower_value", "upper_value"), fieldNames(latency));
        JsonNode throughput = root.get(THROUGHPUT).get("throughput");
        assertEquals(median(throughputCurrent) * 1e3, throughput.get("value").asDouble(), 1e-9);
        assertEquals(Set.of("throughput"), fieldNames(root.get(THROUGHPUT)));
    }

    @Test
    void aForcedComparisonIsFlagged() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 6);
        Path b = Runs.write(dir.resolve("x"), Runs.environment(), Runs.load(FJ, 2, s));
        Path c = Runs.write(dir.resolve("y"), Runs.environment("Intel Xeon", 2, Runs.environment().jdk(),
                Runs.environment().jvmArgs(), Runs.environment().datasetHash()), Runs.load(FJ, 2, s));
        Comparison forced = Comparison.compare(b, c, PerformanceChange.Settings.defaults(), true);
        String md = new MarkdownFormat().render(forced);
        assertTrue(md.contains("**Warning: the environments differ**"), md);
        assertTrue(md.contains("CPU model 'AMD EPYC' vs 'Intel Xeon'"), md);
        assertTrue(md.contains("| UNCHANGED " + MarkdownFormat.FORCED + " |"), md);
        JsonNode json = JSON.readTree(new JsonFormat().render(forced));
        assertFalse(json.at("/environment/comparable").asBoolean());
        assertTrue(json.at("/environment/differences/0").asText().startsWith("CPU model"));
    }

    @Test
    void inverseUnits() {
        assertEquals("ms/op", GithubActionBenchmarkFormat.inverse("ops/ms"));
        assertEquals("s/MB", GithubActionBenchmarkFormat.inverse("MB/s"));
        assertEquals("1/#", GithubActionBenchmarkFormat.inverse("#"));
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String escapePointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
