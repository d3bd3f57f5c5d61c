package dictbench.report;

import static dictbench.results.SyntheticResults.COLD;
import static dictbench.results.SyntheticResults.WARM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.results.BenchmarkResult;
import dictbench.results.JmhResults;
import dictbench.results.SyntheticResults;
import dictbench.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictTest {

    @TempDir
    Path tmp;

    List<BenchmarkResult> read(SyntheticResults s) throws IOException {
        return JmhResults.read(s.writeTo(tmp.resolve("run" + System.nanoTime())).resolve(RunLayout.JMH_JSON));
    }

    @Test
    void namesTheFastestWithItsRatioAndWhatItCannotBeToldApartFrom() throws IOException {
        // 2 forks × 3 shots each at m·0.99, m, m·1.01: forkjoin (50.2) overlaps platform (50), virtual (60) does not
        List<String> lines = Verdict.of(read(new SyntheticResults()
                .add("SequentialLoadBenchmark", WARM, 100)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"threads\":\"2\",\"split\":\"false\"", 50)
                .add("ForkJoinLoadBenchmark", WARM + ",\"threads\":\"2\"", 50.2)
                .add("VirtualThreadsLoadBenchmark", WARM + ",\"split\":\"false\"", 60)
                .add("RawReadBenchmark", WARM + ",\"threads\":\"2\"", 5)), OptionalInt.of(2)).lines();
        assertEquals(1, lines.size(), "one cache state, no profiles: one line; the raw-read bound is no strategy");
        String line = lines.getFirst();
        assertTrue(line.startsWith("Warm cache: platform ×2 loaded it 2.00× [1.9"), line);
        assertTrue(line.contains(" faster than sequential (50.0 ms [49.5, 50.5]); forkjoin ×2 cannot be told apart from it; "
                + "sequential ×1 is 2.00× ["), line);
        assertTrue(line.endsWith("] slower."), line);
        Verdict.Group group = Verdict.of(read(new SyntheticResults()
                .add("SequentialLoadBenchmark", WARM, 100)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"threads\":\"2\",\"split\":\"false\"", 50)
                .add("ForkJoinLoadBenchmark", WARM + ",\"threads\":\"2\"", 50.2)
                .add("VirtualThreadsLoadBenchmark", WARM + ",\"split\":\"false\"", 60)
                .add("ForkJoinLoadBenchmark", WARM + ",\"threads\":\"1\"", 100.3)
                .add("SubprocessLoadBenchmark", WARM + ",\"threads\":\"2\",\"mode\":\"pool\"", 300)), OptionalInt.of(2)).groups().getFirst();
        assertEquals(List.of(Verdict.Label.FASTEST, Verdict.Label.TIED, Verdict.Label.FASTER, Verdict.Label.NO_FASTER,
                Verdict.Label.NO_FASTER, Verdict.Label.SLOWER), group.ranked().stream().map(Verdict.Ranked::label).toList(),
                "platform; forkjoin ×2 overlaps it; virtual beats sequential; sequential and forkjoin ×1 (100.3) are sequential's speed; "
                        + "the pool is slower");
    }

    @Test
    void eachCacheStateHasItsLineWarmFirstAndAClearWinnerSaysSo() throws IOException {
        List<String> lines = Verdict.of(read(new SyntheticResults()
                .add("SequentialLoadBenchmark", COLD, 400)
                .add("PlatformThreadsLoadBenchmark", COLD + ",\"threads\":\"2\",\"split\":\"false\"", 300)
                .add("SequentialLoadBenchmark", WARM, 100)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"threads\":\"2\",\"split\":\"false\"", 50)), OptionalInt.of(2)).lines();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("Warm cache: platform ×2") && lines.get(1).startsWith("Cold cache: platform ×2"), lines.toString());
        assertFalse(lines.get(1).contains("told apart"), lines.get(1));
    }

    @Test
    void oneForkOrOneShotIsFlaggedAsTooFewToRank() throws IOException {
        Path dir = new SyntheticResults().add("SequentialLoadBenchmark", WARM, 100)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"threads\":\"2\",\"split\":\"false\"", 90).writeTo(tmp.resolve("one"));
        Path json = dir.resolve(RunLayout.JMH_JSON);
        Files.writeString(json, Files.readString(json).replaceAll("\"rawData\":\\[\\[([^]]*)],\\[[^]]*]]", "\"rawData\":[[$1]]"));
        String line = Verdict.of(JmhResults.read(json), OptionalInt.of(2)).lines().getFirst();
        assertEquals("Warm cache: too few to rank (1 fork × 3 shots: the intervals miss the JVM-to-JVM variation); rerun with --forks 2 "
                + "or more. Medians: platform ×2 90.0 ms, sequential ×1 100 ms.", line, "no winner named");
    }

    @Test
    void profilesAndJvmStatesEachHaveTheirLine() throws IOException {
        String sized = ",\"heap\":\"sized\",\"jvm\":\"warmed\"";
        String dflt = ",\"heap\":\"default\",\"jvm\":\"warmed\"";
        List<String> lines = Verdict.of(read(new SyntheticResults()
                .add("SequentialLoadBenchmark", WARM + dflt, 300)
                .add("PlatformThreadsLoadBenchmark", WARM + dflt + ",\"threads\":\"2\",\"split\":\"false\"", 310)
                .add("SequentialLoadBenchmark", WARM + sized, 100)
                .add("PlatformThreadsLoadBenchmark", WARM + sized + ",\"threads\":\"2\",\"split\":\"false\"", 50)), OptionalInt.of(2)).lines();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).startsWith("Warm cache, heap sized, JVM warmed: platform ×2 loaded it 2.00×"), lines.get(0));
        assertTrue(lines.get(1).startsWith("Warm cache, heap default, JVM warmed: sequential ×1 loaded it fastest, 300 ms [297, 303]; "
                + "platform ×2 is 1.03× ["), lines.get(1));
    }

    @Test
    void aRunWithoutLoadsHasNoVerdict() throws IOException {
        Verdict v = Verdict.of(read(new SyntheticResults().add("RawReadBenchmark", WARM + ",\"threads\":\"2\"", 5)), OptionalInt.of(2));
        assertEquals(List.of(), v.lines());
        assertEquals("", v.markdown());
    }
}
