package dictbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dictbench.results.Environment;
import dictbench.results.EnvironmentKey;
import dictbench.results.ResultsException;
import dictbench.stats.PerformanceChange.Verdict;
import dictbench.stats.PerformanceChange;
import dictbench.stats.PerformanceChangeTest;
import dictbench.stats.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class ComparisonTest {
    @TempDir
    Path dir;

    static final String LOAD = "dictbench.bench.ForkJoinLoadBenchmark.load";
    static final String SEQ = "dictbench.bench.SequentialLoadBenchmark.load";

    /** Writes JMH JSON results and {@code environment.json} files the way {@code dictbench bench} lays them out. */
    public static final class Runs {
        private static final ObjectMapper JSON = new ObjectMapper();

        private Runs() {
        }

        /** One JMH result with the given raw samples, as {@code -rf json} writes it. */
        public static ObjectNode result(String benchmark, String mode, String unit, Map<String, String> params, Samples samples) {
            ObjectNode r = JSON.createObjectNode();
            r.put("jmhVersion", "1.37");
            r.put("benchmark", benchmark);
            r.put("mode", mode);
            r.put("threads", 1);
            r.put("forks", samples.forkCount());
            r.putArray("jvmArgs").add("-Xmx1g");
            r.put("jdkVersion", "25.0.3");
            r.put("vmName", "OpenJDK 64-Bit Server VM");
            ObjectNode p = r.putObject("params");
            params.forEach(p::put);
            ObjectNode primary = r.putObject("primaryMetric");
            primary.put("score", dictbench.stats.Descriptive.mean(samples.all()));
            primary.put("scoreUnit", unit);
            ArrayNode raw = primary.putArray("rawData");
            for (double[] fork : samples.toArrays()) {
                ArrayNode f = raw.addArray();
                for (double v : fork) {
                    f.add(v);
                }
            }
            r.putObject("secondaryMetrics");
            return r;
        }

        /** A single-shot load benchmark in ms/op with {@code cache=warm, dataset=default, threads}. */
        public static ObjectNode load(String benchmark, int threads, Samples samples) {
            return result(benchmark, "ss", "ms/op", Map.of("cache", "warm", "dataset", "default", "threads", String.valueOf(threads)),
                    samples);
        }

        /** Writes {@code dir/jmh.json} and, unless {@code environment} is null, {@code dir/environment.json}. */
        public static Path write(Path dir, Environment environment, ObjectNode... results) throws IOException {
            Files.createDirectories(dir);
            ArrayNode array = JSON.createArrayNode();
            for (ObjectNode r : results) {
                array.add(r);
            }
            Path json = dir.resolve("jmh.json");
            Files.writeString(json, array.toPrettyString());
            if (environment != null) {
                environment.write(dir.resolve("environment.json"));
            }
            return json;
        }

        /** The environment of this test's machine: two AMD cores, Temurin 25, the default dataset. */
        public static Environment environment() {
            return environment("AMD EPYC", 2, "Eclipse Adoptium 25.0.3+9-LTS", List.of("-Xms5376m", "-Xmx5376m", "-Ddictbench.root=/work/a"),
                    "binary=e3ee0208702b");
        }

        public static Environment environment(String cpu, int cores, String jdk, List<String> jvmArgs, String datasetHash) {
            return new Environment("2026-11-23T11:17:15Z", "vm", cpu, cores, 25_000_000_000L, "Linux amd64", "6.18", jdk,
                    "OpenJDK 64-Bit Server VM", jvmArgs, "default (G1)", "default", datasetHash, List.of());
        }
    }

    Path baseline(ObjectNode... results) throws IOException {
        return Runs.write(dir.resolve("baseline"), Runs.environment(), results);
    }

    Path current(ObjectNode... results) throws IOException {
        return Runs.write(dir.resolve("current"), Runs.environment(), results);
    }

    static Comparison compare(Path baseline, Path current) throws IOException {
        return Comparison.compare(baseline, current, PerformanceChange.Settings.defaults(), false);
    }

    @Test
    void judgesWhatBothRunsHaveAndListsTheRest() throws IOException {
        Path b = baseline(Runs.load(LOAD, 2, PerformanceChangeTest.typical(100, 1)), Runs.load(SEQ, 1, PerformanceChangeTest.typical(300, 2)));
        Path c = current(Runs.load(LOAD, 4, PerformanceChangeTest.typical(60, 3)), Runs.load(LOAD, 2, PerformanceChangeTest.typical(120, 4)));
        Comparison report = compare(b, c);
        assertEquals(1, report.rows().size());
        Comparison.Row row = report.rows().getFirst();
        assertEquals("ForkJoinLoadBenchmark.load{cache=warm,dataset=default,threads=2}", row.pair().name());
        assertEquals(Verdict.REGRESSED, row.verdict(), Sentences.reason(row.result(), report.settings()));
        assertTrue(report.regressed());
        assertEquals(List.of("SequentialLoadBenchmark.load{cache=warm,dataset=default,threads=1}"), report.onlyInBaseline());
        assertEquals(List.of("ForkJoinLoadBenchmark.load{cache=warm,dataset=default,threads=4}"), report.onlyInCurrent());
        assertEquals(2, report.tracked().size(), "exports cover the whole current run");
        assertEquals(100, row.baseline().median(), 3);
        assertEquals(120, row.current().median(), 3);
    }

    @Test
    void identicalRunsPass() throws IOException {
        Samples same = PerformanceChangeTest.typical(100, 5);
        Comparison report = compare(baseline(Runs.load(LOAD, 2, same)), current(Runs.load(LOAD, 2, same)));
        assertEquals(Verdict.UNCHANGED, report.rows().getFirst().verdict());
        assertFalse(report.regressed());
    }

    @Test
    void convertsTimeUnitsBeforeComparing() throws IOException {
        Samples millis = PerformanceChangeTest.typical(100, 6);
        double[][] forks = millis.toArrays();
        for (double[] fork : forks) {
            for (int i = 0; i < fork.length; i++) {
                fork[i] /= 1000;
            }
        }
        Samples seconds = Samples.of(forks);
        Map<String, String> params = Map.of("dataset", "default");
        Comparison report = compare(baseline(Runs.result(LOAD, "ss", "s/op", params, seconds)),
                current(Runs.result(LOAD, "ss", "ms/op", params, millis)));
        assertEquals(1.0, report.rows().getFirst().result().ratio().value(), 1e-9);
        assertEquals(Verdict.UNCHANGED, report.rows().getFirst().verdict());
    }

    @Test
    void throughputIsBetterHigher() throws IOException {
        Map<String, String> params = Map.of("dataset", "default");
        Comparison report = compare(baseline(Runs.result(LOAD, "thrpt", "ops/s", params, PerformanceChangeTest.typical(10, 7))),
                current(Runs.result(LOAD, "thrpt", "ops/s", params, PerformanceChangeTest.typical(8, 8))));
        assertEquals(PerformanceChange.Direction.HIGHER_IS_BETTER, report.rows().getFirst().pair().direction());
        assertEquals(Verdict.REGRESSED, report.rows().getFirst().verdict());
    }

    @Test
    void refusesPairsThatCannotBeCompared() throws IOException {
        Map<String, String> params = Map.of("dataset", "default");
        Samples s = PerformanceChangeTest.typical(100, 9);
        ResultsException mode = assertThrows(ResultsException.class, () -> compare(
                baseline(Runs.result(LOAD, "ss", "ms/op", params, s)), current(Runs.result(LOAD, "avgt", "ms/op", params, s))));
        assertTrue(mode.getMessage().contains("JMH mode ss, the current run in avgt"), mode.getMessage());
        ResultsException unit = assertThrows(ResultsException.class, () -> compare(
                baseline(Runs.result(LOAD, "thrpt", "ops/s", params, s)), current(Runs.result(LOAD, "thrpt", "ops/ms", params, s))));
        assertTrue(unit.getMessage().contains("only time units convert"), unit.getMessage());
        ResultsException unknown = assertThrows(ResultsException.class, () -> compare(
                baseline(Runs.result(LOAD, "all", "ms/op", params, s)), current(Runs.result(LOAD, "all", "ms/op", params, s))));
        assertTrue(unknown.getMessage().contains("unknown JMH mode 'all'"), unknown.getMessage());
        ResultsException twice = assertThrows(ResultsException.class, () -> compare(
                baseline(Runs.load(LOAD, 2, s), Runs.load(LOAD, 2, s)), current(Runs.load(LOAD, 2, s))));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    }

    @Test
    void nothingInCommonIsNamed() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 10);
        Path b = baseline(Runs.load(LOAD, 2, s));
        Path c = current(Runs.load(LOAD, 4, s));
        ResultsException e = assertThrows(ResultsException.class, () -> compare(b, c));
        assertTrue(e.getMessage().startsWith("no benchmark in common between " + b), e.getMessage());
        assertTrue(e.getMessage().contains("threads=4"), e.getMessage());
    }

    @Test
    void missingFilesAreNamedWithTheirRole() throws IOException {
        Path c = current(Runs.load(LOAD, 2, PerformanceChangeTest.typical(100, 11)));
        Path missing = dir.resolve("nope/jmh.json");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> compare(missing, c));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("no such baseline results file"),
                e.getMessage());
    }

    @Test
    void refusesDifferentEnvironmentsNamingWhatDiffers() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 12);
        Path b = baseline(Runs.load(LOAD, 2, s));
        Path c = Runs.write(dir.resolve("other"), Runs.environment("Intel Xeon", 4, "Eclipse Adoptium 25.0.3+9-LTS",
                List.of("-Xms5376m", "-Xmx5376m", "-Ddictbench.root=/work/a"), "binary=e3ee0208702b"), Runs.load(LOAD, 2, s));
        ResultsException e = assertThrows(ResultsException.class, () -> compare(b, c));
        assertTrue(e.getMessage().contains("CPU model 'AMD EPYC' vs 'Intel Xeon'"), e.getMessage());
        assertTrue(e.getMessage().contains("cores '2' vs '4'"), e.getMessage());
        assertFalse(e.getMessage().contains("JDK '"), "the JDK is the same: " + e.getMessage());
        assertTrue(e.getMessage().contains("--allow-env-mismatch"), e.getMessage());

        Comparison forced = Comparison.compare(b, c, PerformanceChange.Settings.defaults(), true);
        assertFalse(forced.environment().matches());
        assertEquals(Verdict.UNCHANGED, forced.rows().getFirst().verdict());
    }

    @Test
    void theGateComparesWhatTheReportGroupsBy() {
        Environment base = Runs.environment();
        Environment elsewhere = new Environment("2026-11-24T08:00:00Z", "runner", base.cpuModel(), base.cores(), 16_000_000_000L,
                base.os(), "6.19", base.jdk(), base.vm(), List.of("-Xms5376m", "-Xmx5376m", "-Ddictbench.root=/home/runner/work",
                "-Ddictbench.timeline.dir=/tmp/t"), base.gc(), "default-tmpfs", base.datasetHash(), List.of());
        assertEquals(EnvironmentKey.of(base), EnvironmentKey.of(elsewhere), "one report table would hold both");
        assertEquals(List.of(), EnvironmentCheck.compare(base, elsewhere), "so the gate compares them");
    }

    @Test
    void everyComparedFieldIsChecked() {
        Environment base = Runs.environment();
        List<String> flags = base.jvmArgs();
        assertEquals(List.of(), EnvironmentCheck.compare(base, Runs.environment("AMD EPYC", 2, base.jdk(),
                List.of("-Xms5376m", "-Xmx5376m", "-Ddictbench.root=/home/runner/work/dictbench"), base.datasetHash())),
                "the checkout's path is not a JVM flag that matters");
        assertTrue(EnvironmentCheck.compare(base, Runs.environment("AMD EPYC", 2, "Eclipse Adoptium 25.0.1+8-LTS", flags,
                base.datasetHash())).getFirst().startsWith("JDK"));
        assertTrue(EnvironmentCheck.compare(base, Runs.environment("AMD EPYC", 2, base.jdk(),
                List.of("-Xms5376m", "-Xmx5376m", "-XX:+UseParallelGC"), base.datasetHash())).getFirst().startsWith("JVM flags"));
        assertTrue(EnvironmentCheck.compare(base, Runs.environment("AMD EPYC", 2, base.jdk(), flags, "binary=0000"))
                .getFirst().startsWith("dataset hash"));
    }

    @Test
    void aMissingEnvironmentIsRefusedUnlessAllowed() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 13);
        Path b = Runs.write(dir.resolve("bare"), null, Runs.load(LOAD, 2, s));
        Path c = current(Runs.load(LOAD, 2, s));
        ResultsException e = assertThrows(ResultsException.class, () -> compare(b, c));
        assertTrue(e.getMessage().contains("the baseline has no environment.json beside " + b), e.getMessage());
        Comparison forced = Comparison.compare(b, c, PerformanceChange.Settings.defaults(), true);
        assertTrue(forced.environment().baseline().isEmpty());
        assertFalse(forced.environment().matches());
    }

    /** Splits {@code samples} into one sample of each fork, so a run can be written as several files of one fork each. */
    static List<Samples> forksOf(Samples samples) {
        return java.util.Arrays.stream(samples.toArrays()).map(Samples::of).toList();
    }

    @Test
    void severalFilesASideArePooledAsOneRun() throws IOException {
        Samples base = PerformanceChangeTest.typical(100, 20);
        Samples cur = PerformanceChangeTest.typical(120, 21);
        Comparison whole = compare(baseline(Runs.load(LOAD, 2, base)), current(Runs.load(LOAD, 2, cur)));
        List<Path> baseFiles = new java.util.ArrayList<>();
        List<Path> curFiles = new java.util.ArrayList<>();
        for (int f = 0; f < base.forkCount(); f++) {
            baseFiles.add(Runs.write(dir.resolve("b" + f), Runs.environment(), Runs.load(LOAD, 2, forksOf(base).get(f))));
            curFiles.add(Runs.write(dir.resolve("c" + f), Runs.environment(), Runs.load(LOAD, 2, forksOf(cur).get(f))));
        }
        Comparison pooled = Comparison.compare(baseFiles, curFiles, PerformanceChange.Settings.defaults(), false);
        Comparison.Row row = pooled.rows().getFirst();
        assertEquals(base.forkCount(), row.pair().baseline().primary().forkCount(), "every file's fork is in the baseline");
        assertEquals(cur.toArrays()[3][0], row.pair().current().primary().toArrays()[3][0], "in the files' order");
        assertEquals(whole.rows().getFirst().result().ratio(), row.result().ratio(), "the same run, split or whole");
        assertEquals(Verdict.REGRESSED, row.verdict());
        assertTrue(pooled.baselineName().startsWith(baseFiles.get(0) + ", " + baseFiles.get(1)), pooled.baselineName());
    }

    @Test
    void filesOfOneSideMustShareAnEnvironment() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 22);
        Path b1 = baseline(Runs.load(LOAD, 2, s));
        Path b2 = Runs.write(dir.resolve("b2"), Runs.environment("AMD EPYC", 4, "Eclipse Adoptium 25.0.3+9-LTS",
                List.of("-Xms5376m", "-Xmx5376m"), "binary=e3ee0208702b"), Runs.load(LOAD, 2, s));
        Path c = current(Runs.load(LOAD, 2, s));
        ResultsException e = assertThrows(ResultsException.class,
                () -> Comparison.compare(List.of(b1, b2), List.of(c), PerformanceChange.Settings.defaults(), false));
        assertTrue(e.getMessage().contains("the baseline's " + b2 + " differs from its first file: cores '2' vs '4'"), e.getMessage());
    }

    @Test
    void pooledFilesMustHoldTheSameBenchmarksKinds() throws IOException {
        Map<String, String> params = Map.of("dataset", "default");
        Samples s = PerformanceChangeTest.typical(100, 23);
        Path b1 = baseline(Runs.result(LOAD, "ss", "ms/op", params, s));
        Path b2 = Runs.write(dir.resolve("b2"), Runs.environment(), Runs.result(LOAD, "ss", "us/op", params, s));
        Path c = current(Runs.result(LOAD, "ss", "ms/op", params, s));
        ResultsException e = assertThrows(ResultsException.class,
                () -> Comparison.compare(List.of(b1, b2), List.of(c), PerformanceChange.Settings.defaults(), false));
        assertTrue(e.getMessage().contains(b2 + ": ") && e.getMessage().contains("is in \"us/op\" but an earlier file has \"ms/op\""),
                e.getMessage());
    }

    @Test
    void aFileComparedWithItselfIsRefused() throws IOException {
        Path b = baseline(Runs.load(LOAD, 2, PerformanceChangeTest.typical(100, 30)));
        ResultsException e = assertThrows(ResultsException.class, () -> compare(b, b));
        assertTrue(e.getMessage().contains("the baseline and the current run are the same file"), e.getMessage());
        ResultsException viaOtherPath = assertThrows(ResultsException.class, () -> compare(b, b.getParent().resolve(".").resolve("jmh.json")));
        assertTrue(viaOtherPath.getMessage().contains("same file"), viaOtherPath.getMessage());
    }

    @Test
    void aBenchmarkMissingFromTheCurrentRunFailsTheGate() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 31);
        Comparison report = compare(baseline(Runs.load(LOAD, 2, s), Runs.load(LOAD, 1, s)), current(Runs.load(LOAD, 2, s)));
        assertFalse(report.regressed(), "nothing regressed");
        assertTrue(report.failed(), "but a benchmark is missing");
        assertEquals(1, report.onlyInBaseline().size());
        String md = new MarkdownFormat().render(report);
        assertTrue(md.startsWith("## dictbench performance gate: FAIL, 0 regressed, 1 missing from the current run"), md);
        Comparison onlyNew = compare(baseline(Runs.load(LOAD, 2, s)), current(Runs.load(LOAD, 2, s), Runs.load(LOAD, 1, s)));
        assertFalse(onlyNew.failed(), "a new benchmark passes");
    }

    @Test
    void rowsComeWorstFirst() throws IOException {
        Path b = baseline(Runs.load(LOAD, 1, PerformanceChangeTest.typical(100, 14)), Runs.load(LOAD, 2, PerformanceChangeTest.typical(100, 15)),
                Runs.load(LOAD, 3, PerformanceChangeTest.typical(100, 16)));
        Path c = current(Runs.load(LOAD, 1, PerformanceChangeTest.typical(70, 17)), Runs.load(LOAD, 2, PerformanceChangeTest.typical(100, 18)),
                Runs.load(LOAD, 3, PerformanceChangeTest.typical(130, 19)));
        Comparison report = compare(b, c);
        assertEquals(List.of(Verdict.REGRESSED, Verdict.IMPROVED, Verdict.UNCHANGED),
                report.rowsBySeverity().stream().map(Comparison.Row::verdict).toList());
        assertEquals(List.of(Verdict.IMPROVED, Verdict.UNCHANGED, Verdict.REGRESSED),
                report.rows().stream().map(Comparison.Row::verdict).toList(), "rows keep the run's order");
    }
}
