package dictbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.report.SummaryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhResultsTest {
    @TempDir
    Path dir;

    static String result(String benchmark, String params, String rawData) {
        return """
                {"jmhVersion":"1.37","benchmark":"%s","mode":"ss","threads":1,"forks":2,"jvm":"/j","jvmArgs":["-Xmx1g"],
                 "jdkVersion":"25","vmName":"OpenJDK 64-Bit Server VM","params":{%s},
                 "primaryMetric":{"score":1.0,"scoreUnit":"ms/op","rawData":%s},
                 "secondaryMetrics":{"megabytes":{"score":8,"scoreUnit":"#","rawData":[[8.0,8.0],[8.0,8.0]]}}}
                """.formatted(benchmark, params, rawData);
    }

    Path write(String content) throws IOException {
        Path f = dir.resolve("r" + System.nanoTime() + ".json");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void readsRawSamplesPerForkAndParams() throws IOException {
        Path f = write("[" + result("dictbench.bench.PlatformThreadsLoadBenchmark.load",
                "\"threads\":\"2\",\"cache\":\"warm\",\"dataset\":\"smoke\"", "[[10.0,11.0],[12.0,13.0]]") + "]");
        List<BenchmarkResult> results = JmhResults.read(f);
        assertEquals(1, results.size());
        BenchmarkResult r = results.getFirst();
        assertEquals(2, r.primary().forkCount());
        assertEquals(List.of(12.0, 13.0), r.primary().forks().get(1));
        assertEquals("platform", r.label());
        assertEquals(Optional.of(2), r.strategyThreads());
        assertEquals(Optional.of(1.0), r.millisPerUnit());
        assertTrue(r.secondary().containsKey("megabytes"));
    }

    @Test
    void mergingAppendsLaterFilesForksToTheScoreAndEveryCounter() throws IOException {
        String seq = "dictbench.bench.SequentialLoadBenchmark.load";
        String platform = "dictbench.bench.PlatformThreadsLoadBenchmark.load";
        Path first = write("[" + result(seq, "\"cache\":\"warm\"", "[[10.0,11.0],[12.0,13.0]]") + ","
                + result(platform, "\"cache\":\"warm\"", "[[5.0,5.0],[6.0,6.0]]") + "]");
        Path second = write("[" + result(seq, "\"cache\":\"warm\"", "[[14.0,15.0],[16.0,17.0]]") + ","
                + result(seq, "\"cache\":\"cold\"", "[[30.0,31.0],[32.0,33.0]]") + "]");
        List<BenchmarkResult> merged = JmhResults.read(List.of(first, second));
        assertEquals(List.of("sequential", "platform", "sequential"), merged.stream().map(BenchmarkResult::label).toList(),
                "one result per benchmark and params, in the order first seen");
        BenchmarkResult warm = merged.getFirst();
        assertEquals(4, warm.primary().forkCount());
        assertEquals(List.of(16.0, 17.0), warm.primary().forks().get(3));
        assertEquals(4, warm.secondary().get("megabytes").forkCount(), "counters keep step with the score");
        assertEquals(2, merged.get(1).primary().forkCount(), "a benchmark in one file only is as it was");
        assertEquals(JmhResults.read(first), JmhResults.read(List.of(first)));
    }

    @Test
    void mergingRefusesRunsWithDifferentCounters() throws IOException {
        String seq = "dictbench.bench.SequentialLoadBenchmark.load";
        Path first = write("[" + result(seq, "", "[[10.0,11.0],[12.0,13.0]]") + "]");
        Path other = write("[" + result(seq, "", "[[10.0,11.0],[12.0,13.0]]").replace("\"megabytes\"", "\"cpuBusyMs\"") + "]");
        ResultsException e = assertThrows(ResultsException.class, () -> JmhResults.read(List.of(first, other)));
        assertTrue(e.getMessage().contains("has the secondary metrics [cpuBusyMs] but an earlier file has [megabytes]"), e.getMessage());
    }

    @Test
    void rejectsNonJson() throws IOException {
        ResultsException e = assertThrows(ResultsException.class, () -> JmhResults.read(write("this is not json")));
        assertTrue(e.getMessage().contains("is not JSON"), e.getMessage());
    }

    @Test
    void rejectsForeignJson() throws IOException {
        assertTrue(assertThrows(ResultsException.class, () -> JmhResults.read(write("{\"a\":1}")))
                .getMessage().contains("not JMH JSON output"));
        assertTrue(assertThrows(ResultsException.class, () -> JmhResults.read(write("[{\"a\":1}]")))
                .getMessage().contains("has no 'benchmark'"));
    }

    @Test
    void rejectsNaNScores() throws IOException {
        Path f = write("[" + result("x.Y.z", "", "[[1.0,\"NaN\"]]") + "]");
        ResultsException e = assertThrows(ResultsException.class, () -> JmhResults.read(f));
        assertTrue(e.getMessage().contains("not a finite number"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("nope.json");
        assertTrue(assertThrows(IOException.class, () -> JmhResults.read(missing)).getMessage().contains(missing.toString()));
    }

    @Test
    void summaryTableGivesSpeedupAgainstMatchingSequential() throws IOException {
        Path f = write("[" + result("dictbench.bench.SequentialLoadBenchmark.load", "\"cache\":\"warm\",\"dataset\":\"d\"",
                "[[100.0,100.0,100.0],[100.0,100.0,100.0]]") + ","
                + result("dictbench.bench.ForkJoinLoadBenchmark.load", "\"cache\":\"warm\",\"dataset\":\"d\",\"threads\":\"2\"",
                "[[50.0,50.0,50.0],[50.0,50.0,50.0]]") + ","
                + result("dictbench.bench.ForkJoinLoadBenchmark.load", "\"cache\":\"cold\",\"dataset\":\"d\",\"threads\":\"2\"",
                "[[70.0,70.0,70.0],[70.0,70.0,70.0]]") + "]");
        SummaryTable table = SummaryTable.of(JmhResults.read(f));
        String md = table.markdown();
        assertTrue(md.contains("| d |  | warm | forkjoin | 2 | 50.0 ms [50.0, 50.0] | 2.00x [2.00, 2.00] | 1.00 [1.00, 1.00] | 160 |"), md);
        assertTrue(md.contains("| d |  | cold | forkjoin | 2 | 70.0 ms [70.0, 70.0] | n/a |"), "no cold sequential, no ratio: " + md);
    }
}
