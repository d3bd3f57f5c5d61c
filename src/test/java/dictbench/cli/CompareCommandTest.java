package dictbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dictbench.gate.ComparisonTest.Runs;
import dictbench.stats.PerformanceChangeTest;
import dictbench.stats.Samples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CompareCommandTest {
    @TempDir
    Path dir;

    static final String FJ = "dictbench.bench.ForkJoinLoadBenchmark.load";
    static final String SEQ = "dictbench.bench.SequentialLoadBenchmark.load";

    /**
     * Runs {@code dictbench compare ARGS} through {@link Main#run} once Main registers the command; until
     * then through a parent {@link Main} with {@link CompareCommand} added and Main's error handling.
     */
    static MainTest.Outcome compare(String... args) {
        List<String> full = new ArrayList<>(List.of("compare"));
        full.addAll(List.of(args));
        if (new CommandLine(new Main()).getSubcommands().containsKey("compare")) {
            return MainTest.run(full.toArray(String[]::new));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter errWriter = new PrintWriter(err);
        CommandLine cli = new CommandLine(new Main()).addSubcommand(new CompareCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler((e, a) -> {
            errWriter.println("error: " + e.getMessage() + " (see: dictbench compare --help)");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            errWriter.println("error: " + Errors.oneLine(e));
            return ExitCodes.BAD_INPUT;
        });
        int code = cli.execute(full.toArray(String[]::new));
        cli.getOut().flush();
        errWriter.flush();
        return new MainTest.Outcome(code, out.toString(), err.toString());
    }

    Path run(String name, Samples forkJoin, Samples sequential) throws IOException {
        return Runs.write(dir.resolve(name), Runs.environment(), Runs.load(FJ, 2, forkJoin), Runs.load(SEQ, 1, sequential));
    }

    @Test
    void aRegressionExitsOneAndWritesEveryOutput() throws IOException {
        Path base = run("base", PerformanceChangeTest.typical(100, 1), PerformanceChangeTest.typical(300, 2));
        Path cur = run("cur", PerformanceChangeTest.typical(120, 3), PerformanceChangeTest.typical(300, 4));
        Path out = dir.resolve("gate");
        MainTest.Outcome o = compare("--baseline", base.toString(), "--current", cur.toString(), "--out", out.toString());
        assertEquals(ExitCodes.REGRESSION, o.code(), o.err());
        assertTrue(o.out().startsWith("## dictbench performance gate: FAIL, 1 regressed"), o.out());
        assertTrue(o.out().contains("| **REGRESSED** | `ForkJoinLoadBenchmark.load{cache=warm,dataset=default,threads=2}`"), o.out());
        assertTrue(o.out().contains("| UNCHANGED | `SequentialLoadBenchmark.load{cache=warm,dataset=default,threads=1}`"), o.out());
        for (String f : List.of("gate.md", "gate.json", "github-action-benchmark.json", "bencher.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(o.out(), Files.readString(out.resolve("gate.md")), "stdout is exactly the Markdown written");
        assertTrue(new ObjectMapper().readTree(out.resolve("gate.json").toFile()).get("regressed").asBoolean());
        assertTrue(o.err().startsWith("wrote " + out.resolve("gate.md")), o.err());
    }

    @Test
    void noRegressionExitsZeroAndWritesBesideTheCurrentRun() throws IOException {
        Samples fj = PerformanceChangeTest.typical(100, 5);
        Samples seq = PerformanceChangeTest.typical(300, 6);
        Path base = run("base", fj, seq);
        Path cur = run("cur", PerformanceChangeTest.typical(80, 7), seq);
        MainTest.Outcome o = compare("--baseline", base.toString(), "--current", cur.toString());
        assertEquals(ExitCodes.OK, o.code(), o.err());
        assertTrue(o.out().startsWith("## dictbench performance gate: pass, no regression"), o.out());
        assertTrue(o.out().contains("| IMPROVED |"), o.out());
        assertTrue(Files.isRegularFile(cur.resolveSibling("gate.md")));
    }

    @Test
    void severalFilesASideArePooled() throws IOException {
        Path base1 = run("base1", PerformanceChangeTest.typical(100, 21), PerformanceChangeTest.typical(300, 22));
        Path base2 = run("base2", PerformanceChangeTest.typical(100, 23), PerformanceChangeTest.typical(300, 24));
        Path cur1 = run("cur1", PerformanceChangeTest.typical(120, 25), PerformanceChangeTest.typical(300, 26));
        Path cur2 = run("cur2", PerformanceChangeTest.typical(120, 27), PerformanceChangeTest.typical(300, 28));
        Path out = dir.resolve("pooled");
        MainTest.Outcome o = compare("--baseline", base1.toString(), base2.toString(), "--current", cur1.toString(),
                "--current", cur2.toString(), "--out", out.toString());
        assertEquals(ExitCodes.REGRESSION, o.code(), o.err());
        assertTrue(o.out().contains("baseline `" + base1 + ", " + base2 + "` · current `" + cur1 + ", " + cur2 + "`"), o.out());
        assertEquals(base1 + ", " + base2, new ObjectMapper().readTree(out.resolve("gate.json").toFile()).get("baselineFile").asText());
    }

    @Test
    void thresholdAndCorrectionAreApplied() throws IOException {
        Path base = run("base", PerformanceChangeTest.typical(100, 8), PerformanceChangeTest.typical(300, 9));
        Path cur = run("cur", PerformanceChangeTest.typical(120, 10), PerformanceChangeTest.typical(300, 11));
        String[] common = {"--baseline", base.toString(), "--current", cur.toString(), "--out", dir.resolve("g").toString()};
        MainTest.Outcome lenient = compare(concat(common, "--threshold", "30%"));
        assertEquals(ExitCodes.OK, lenient.code(), lenient.out());
        assertTrue(lenient.out().contains("(threshold 30%, α = 0.01, Holm)"), lenient.out());
        MainTest.Outcome fraction = compare(concat(common, "--threshold", "0.3", "--correction", "bh", "--alpha", "0.05"));
        assertEquals(ExitCodes.OK, fraction.code(), fraction.out());
        assertTrue(fraction.out().contains("(threshold 30%, α = 0.05, Benjamini–Hochberg)"), fraction.out());
        assertEquals(ExitCodes.REGRESSION, compare(concat(common, "--correction", "BH")).code());
    }

    @Test
    void badOptionsAreOneLine() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 12);
        Path base = run("base", s, s);
        String[] common = {"--baseline", base.toString(), "--current", base.toString()};
        compare(concat(common, "--threshold", "5")).assertOneLineError("'5' is ambiguous: write 5% or a fraction below 1");
        compare(concat(common, "--threshold", "five")).assertOneLineError("not a percentage like 5% or a fraction like 0.05");
        compare(concat(common, "--threshold", "-5%")).assertOneLineError("--threshold: must be finite and >= 0");
        compare(concat(common, "--alpha", "0.9")).assertOneLineError("--alpha: must be in (0, 0.5]");
        compare(concat(common, "--correction", "bonferroni")).assertOneLineError("'bonferroni' is not a correction; use holm or bh");
        compare("--current", base.toString()).assertOneLineError("Missing required option: '--baseline=JSON'");
    }

    @Test
    void malformedJsonIsOneLine() throws IOException {
        Path cur = run("cur", PerformanceChangeTest.typical(100, 13), PerformanceChangeTest.typical(300, 14));
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"benchmark\": ");
        compare("--baseline", bad.toString(), "--current", cur.toString()).assertOneLineError(bad + " is not JSON");
    }

    @Test
    void missingBaselineIsOneLine() throws IOException {
        Path cur = run("cur", PerformanceChangeTest.typical(100, 15), PerformanceChangeTest.typical(300, 16));
        Path missing = dir.resolve("results/baseline/jmh.json");
        compare("--baseline", missing.toString(), "--current", cur.toString())
                .assertOneLineError(missing + ": no such baseline results file");
    }

    @Test
    void nothingInCommonIsOneLine() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 17);
        Path base = Runs.write(dir.resolve("base"), Runs.environment(), Runs.load(FJ, 2, s));
        Path cur = Runs.write(dir.resolve("cur"), Runs.environment(), Runs.load(FJ, 4, s));
        compare("--baseline", base.toString(), "--current", cur.toString()).assertOneLineError("no benchmark in common");
    }

    @Test
    void differentEnvironmentsAreRefusedUnlessAllowed() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 18);
        Path base = Runs.write(dir.resolve("base"), Runs.environment(), Runs.load(FJ, 2, s));
        Path cur = Runs.write(dir.resolve("cur"), Runs.environment("AMD EPYC", 2, "Eclipse Adoptium 25.0.3+9-LTS",
                List.of("-Xms8g", "-Xmx8g"), Runs.environment().datasetHash()), Runs.load(FJ, 2, s));
        MainTest.Outcome refused = compare("--baseline", base.toString(), "--current", cur.toString());
        refused.assertOneLineError("the runs are not comparable: JVM flags [-Xms5376m, -Xmx5376m] vs [-Xms8g, -Xmx8g]");
        assertTrue(refused.err().contains("--allow-env-mismatch"), refused.err());
        assertFalse(Files.exists(cur.resolveSibling("gate.md")), "nothing written when refused");

        MainTest.Outcome allowed = compare("--baseline", base.toString(), "--current", cur.toString(), "--allow-env-mismatch");
        assertEquals(ExitCodes.OK, allowed.code(), allowed.err());
        assertTrue(allowed.out().contains("**Warning: the environments differ**"), allowed.out());
    }

    @Test
    void aMissingEnvironmentIsRefusedUnlessAllowed() throws IOException {
        Samples s = PerformanceChangeTest.typical(100, 19);
        Path base = Runs.write(dir.resolve("base"), Runs.environment(), Runs.load(FJ, 2, s));
        Path cur = Runs.write(dir.resolve("cur"), null, Runs.load(FJ, 2, s));
        compare("--baseline", base.toString(), "--current", cur.toString())
                .assertOneLineError("the current run has no environment.json beside " + cur);
        assertEquals(ExitCodes.OK, compare("--baseline", base.toString(), "--current", cur.toString(), "--allow-env-mismatch").code());
    }

    @Test
    void tinyRunsAreInconclusiveNotFailures() throws IOException {
        Samples base = Samples.of(new double[] {100, 101}, new double[] {102});
        Samples cur = Samples.of(new double[] {150, 151}, new double[] {152});
        Path b = Runs.write(dir.resolve("base"), Runs.environment(), Runs.load(FJ, 2, base));
        Path c = Runs.write(dir.resolve("cur"), Runs.environment(), Runs.load(FJ, 2, cur));
        MainTest.Outcome o = compare("--baseline", b.toString(), "--current", c.toString());
        assertEquals(ExitCodes.OK, o.code(), o.err());
        assertTrue(o.out().contains("| INCONCLUSIVE |"), o.out());
        assertTrue(o.out().contains("needs 2 more baseline and 2 more current shots"), o.out());
    }

    static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
