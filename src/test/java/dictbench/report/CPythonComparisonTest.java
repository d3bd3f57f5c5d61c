package dictbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.results.Results;
import dictbench.results.ResultsException;
import dictbench.results.SyntheticResults;
import dictbench.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CPythonComparisonTest {
    @TempDir
    Path tmp;

    static final String WARM = "\"dataset\":\"smoke\",\"format\":\"binary\",\"cache\":\"warm\"";

    /** One CPython result as scripts/python/pyload.py writes it: two interpreters of three shots around {@code medianMs}. */
    static String cpython(String way, int workers, String cache, double medianMs, double firstMs) {
        String fork = String.format(Locale.ROOT, "[%s,%s,%s]", medianMs * 0.99, medianMs, medianMs * 1.01);
        String first = String.format(Locale.ROOT, "[%s,%s,%s]", firstMs, firstMs, firstMs);
        return """
                {"jmhVersion":"dictbench pyload.py","benchmark":"python.%s.load","mode":"ss","threads":1,"forks":2,"jvm":"/usr/bin/python3",
                 "jvmArgs":[],"jdkVersion":"3.11.7","vmName":"CPython 3.11.7",
                 "params":{"dataset":"smoke","format":"pickle","cache":"%s","workers":"%d"},
                 "primaryMetric":{"score":%s,"scoreError":"NaN","scoreUnit":"ms/op","rawData":[%s,%s]},
                 "secondaryMetrics":{"firstMapMs":{"score":1,"scoreError":"NaN","scoreUnit":"ms","rawData":[%s,%s]}}}
                """.formatted(way, cache, workers, medianMs, fork, fork, first, first);
    }

    Path run() throws IOException {
        Path dir = new SyntheticResults()
                .add("SequentialLoadBenchmark", WARM, 400)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"threads\":\"2\",\"split\":\"false\"", 250, java.util.Map.of("firstMapMs", 90.0))
                .writeTo(tmp.resolve("run"));
        SyntheticResults.environment(dir, 2, "smoke");
        Files.writeString(dir.resolve(RunLayout.PYTHON_JSON), "[" + String.join(",", cpython("Sequential", 1, "warm", 4000, 700),
                cpython("ThreadPoolExecutor", 2, "warm", 3800, 1900), cpython("PoolImapUnordered", 2, "warm", 9000, 2500)) + "]");
        return dir;
    }

    @Test
    void theJvmsFastestIsSetAgainstCPythonsFastestWithAnInterval() throws IOException {
        Results results = Results.read(List.of(run()));
        assertEquals(3, results.cpython().size());
        assertTrue(results.environments().getFirst().datasets().stream().flatMap(d -> d.results().stream()).noneMatch(r -> r.isCPython()),
                "CPython's rows never join the JVM's tables");
        List<String> lines = CPythonComparison.lines(results);
        assertEquals(1, lines.size(), lines.toString());
        // 3800 / 250: ThreadPoolExecutor x2 is CPython's fastest, platform x2 the JVM's
        assertTrue(lines.getFirst().startsWith("Warm cache, dataset smoke: CPython's fastest load (ThreadPoolExecutor ×2, CPython 3.11.7) takes "
                + "15.2× ["), lines.getFirst());
        assertTrue(lines.getFirst().contains("] the time of the JVM's fastest (platform ×2 (binary), heap sized · JVM warmed), which is faster: 3800 ms ["),
                lines.getFirst());

        String md = Report.of(results).markdown();
        assertTrue(md.contains("## CPython beside the JVM — dataset smoke"), md);
        assertTrue(md.contains("| warm | CPython 3.11.7 | PoolImapUnordered ×2 | 9000 ms ["), md);
        assertTrue(md.contains("| 2500 ms | 0.44x ["), md); // the time to its first map; 4000 / 9000 against CPython sequential
        assertTrue(md.contains("| warm | JVM, heap sized · JVM warmed | platform ×2 (binary) | 250 ms [") && md.contains("| 90.0 ms | 16.00x ["), md);
        assertTrue(md.substring(md.indexOf("## Verdict")).contains("- Warm cache, dataset smoke: CPython's fastest load"), "the verdict says it too");
    }

    @Test
    void theHeadlineSetsCPythonAgainstTheSizedHeapAndAnApplicationsFirstLoad() throws IOException {
        String profiled = WARM + ",\"threads\":\"2\",\"split\":\"false\",\"heap\":\"%s\",\"jvm\":\"%s\"";
        Path dir = new SyntheticResults()
                .add("PlatformThreadsLoadBenchmark", profiled.formatted("sized", "warmed"), 250)
                .add("PlatformThreadsLoadBenchmark", profiled.formatted("default", "warmed"), 900)
                .add("PlatformThreadsLoadBenchmark", profiled.formatted("default", "first-load"), 1100)
                .writeTo(tmp.resolve("profiled"));
        SyntheticResults.environment(dir, 2, "smoke");
        Files.writeString(dir.resolve(RunLayout.PYTHON_JSON), "[" + cpython("Sequential", 1, "warm", 4000, 700) + "]");
        Results results = Results.read(List.of(dir));
        assertEquals(3, CPythonComparison.lines(results).size(), CPythonComparison.lines(results).toString());
        List<String> headline = CPythonComparison.headlineLines(results);
        assertEquals(2, headline.size(), headline.toString());
        assertTrue(headline.get(0).contains("heap sized · JVM warmed") && headline.get(1).contains("heap default · JVM first-load"), headline.toString());
        assertTrue(headline.get(1).contains("takes 3.64× ["), headline.get(1)); // 4000 / 1100
        assertTrue(Headline.markdown("results/x", results).contains("- " + headline.get(1) + "\n"), "the README's headline carries them");
    }

    @Test
    void asyncIsSetAgainstPlatformThreadsWithEachOnesFirstMap() throws IOException {
        String threads = ",\"threads\":\"2\"";
        Path dir = new SyntheticResults()
                .add("SequentialLoadBenchmark", WARM, 400)
                .add("PlatformThreadsLoadBenchmark", WARM + threads + ",\"split\":\"false\"", 250, java.util.Map.of("firstMapMs", 90.0))
                .add("AsyncLoadBenchmark", WARM + threads, 300, java.util.Map.of("firstMapMs", 240.0))
                .writeTo(tmp.resolve("async"));
        SyntheticResults.environment(dir, 2, "smoke");
        String md = Report.of(Results.read(List.of(dir))).markdown();
        assertTrue(md.contains("- Async file I/O against platform threads — cache warm, 2 threads: async 300 ms [297, 303], platform 250 ms [248, 253], "
                + "platform/async 0.83x ["), md);
        assertTrue(md.contains("(platform faster, the interval excludes 1); first map ready after 240 ms (async) and 90.0 ms (platform)."), md);
        assertTrue(md.contains("- Why: on Linux the JDK has no asynchronous file read"), md);
        assertTrue(md.contains("| median time [99% CI] | first map (median) | speedup vs sequential"), "the headline table gains the first map: " + md);
        assertTrue(md.contains("| warm | async | 2 | 300 ms [297, 303] | 240 ms | 1.33x ["), md);
        assertTrue(md.contains("| warm | sequential | 1 | 400 ms [396, 404] | n/a | 1.00x ["), "a result without the counter says n/a: " + md);
    }

    @Test
    void thePickleReadersAreSetAgainstEachOther() throws IOException {
        Path dir = new SyntheticResults()
                .add("PickleReaderBenchmark", "\"dataset\":\"smoke\",\"reader\":\"dictbench\"", 100)
                .add("PickleReaderBenchmark", "\"dataset\":\"smoke\",\"reader\":\"razorvine\"", 250)
                .writeTo(tmp.resolve("readers"));
        SyntheticResults.environment(dir, 2, "smoke");
        String md = Report.of(Results.read(List.of(dir))).markdown();
        assertTrue(md.contains("- Pickle readers, one thread, from memory: dictbench's 100 ms [99.0, 101], Pyrolite's unpickler "
                + "(net.razorvine:pickle) 250 ms [248, 253]; Pyrolite/dictbench 2.50x ["), md);
        assertTrue(md.contains("(dictbench faster, the interval excludes 1)."), md);
    }

    @Test
    void aPythonFileHoldingJvmResultsIsRefused() throws IOException {
        Path dir = run();
        Files.writeString(dir.resolve(RunLayout.PYTHON_JSON), new SyntheticResults().add("SequentialLoadBenchmark", WARM, 400).json());
        ResultsException e = assertThrows(ResultsException.class, () -> Results.read(List.of(dir)));
        assertTrue(e.getMessage().endsWith("is not one of CPython's loads (python.…); it holds what scripts/python/pyload.py writes"), e.getMessage());
    }
}
