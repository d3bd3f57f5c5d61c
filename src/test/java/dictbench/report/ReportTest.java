package dictbench.report;

import static dictbench.results.SyntheticResults.COLD;
import static dictbench.results.SyntheticResults.WARM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.results.Environment;
import dictbench.results.Results;
import dictbench.results.ResultsException;
import dictbench.results.SyntheticResults;
import dictbench.run.RunLayout;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class ReportTest {
    /** The fits see noise-free medians, so they must recover σ and κ almost exactly. */
    static final double FIT_TOLERANCE = 1e-4;

    @TempDir
    Path tmp;
    Path run;

    @BeforeEach
    void fullRun() throws IOException {
        run = SyntheticResults.fullRun().writeTo(tmp.resolve("run"));
        SyntheticResults.environment(run, 2, "smoke");
        SyntheticResults.timeline(run, "SequentialLoadBenchmark", WARM, 6, 100_000_000L);
        SyntheticResults.timeline(run, "PlatformThreadsLoadBenchmark", WARM + ",\"split\":\"false\",\"threads\":\"8\"", 6, 24_000_000L);
    }

    Report report() throws IOException {
        return Report.of(Results.read(List.of(run)));
    }

    static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void thePlanCountsForksAndMeasuredShotsPerDistinctShape() throws IOException {
        // SyntheticResults gives every configuration 2 forks × 3 shots
        Path run = new SyntheticResults()
                .add("SequentialLoadBenchmark", WARM, 100)
                .add("SequentialLoadBenchmark", COLD, 200)
                .writeTo(tmp.resolve("plan"));
        Files.writeString(run.resolve(RunLayout.JMH_JSON), Files.readString(run.resolve(RunLayout.JMH_JSON))
                .replaceFirst("\"rawData\":\\[\\[[^]]*],\\[[^]]*]]", "\"rawData\":[[1.0],[1.1],[1.2],[0.9],[1.0]]"));
        assertEquals("5 forks × 1 shot (1 configuration), 2 forks × 3 shots (1)", Report.plan(Results.read(List.of(run)).sources().getFirst()));
    }

    @Test
    void recoversUslAndAmdahlFitsFromAThreadsSweep() throws IOException {
        SummaryTable table = SummaryTable.of(Results.read(List.of(run)).environments().getFirst().datasets().getFirst().results());
        Scaling platform = Scaling.of(table).stream().filter(s -> s.strategy().equals("platform") && s.cache().equals("warm"))
                .findFirst().orElseThrow();
        assertEquals(SyntheticResults.SWEEP.length, platform.points().size());
        assertEquals(SyntheticResults.SIGMA, platform.usl().orElseThrow().sigma(), FIT_TOLERANCE);
        assertEquals(SyntheticResults.KAPPA, platform.usl().orElseThrow().kappa(), FIT_TOLERANCE);
        assertTrue(platform.amdahl().isPresent());
        String md = report().markdown();
        assertTrue(md.contains("| platform | warm | 6 | platform at 1 thread | "), md);
        assertTrue(md.contains("| 0.0500 [0.0500, 0.0500] | 0.0100 [0.0100, 0.0100] | 9.75 ["), md);
    }

    @Test
    void karpFlattAndEfficiencyPerThreadCount() throws IOException {
        String md = report().markdown();
        // S(2) = 2/1.07 = 1.869; efficiency 0.93; e = (1/1.869 − 1/2)/(1/2) = 0.07
        assertTrue(md.contains("| platform | warm | 2 | 321 ms [318, 324] | 1.87x ["), md);
        assertTrue(Pattern.compile("\\| platform \\| warm \\| 2 \\| [^\n]* \\| 0\\.93 \\[[^\n]* \\| 0\\.07 \\[").matcher(md).find(), md);
        assertTrue(Pattern.compile("\\| platform \\| warm \\| 1 \\| 600 ms \\[594, 606\\] \\| 1\\.00x \\[[^\n]* \\| n/a \\|\n")
                .matcher(md).find(), "Karp–Flatt is undefined at 1 thread: " + md);
    }

    @Test
    void fitsBelowTheirMinimumPointsAreNa() throws IOException {
        String md = report().markdown();
        assertTrue(md.contains("| forkjoin | warm | 2 | forkjoin at 1 thread | n/a | n/a | n/a | n/a | n/a | n/a |"), md);
        assertTrue(md.contains("| platform | cold | 1 | sequential | n/a |"), md);
    }

    @Test
    void nothingUndefinedPrintsAsNaN() throws IOException {
        Report report = report();
        for (String text : List.of(report.markdown(), report.csv(), report.html())) {
            assertFalse(text.contains("NaN"), text);
            assertFalse(text.contains("Infinity"), text);
        }
    }

    @Test
    void everyTableAndChartNamesItsEnvironmentAndDataset() throws IOException {
        Report report = report();
        String md = report.markdown();
        assertTrue(md.contains("## Environment E1") && md.contains(SyntheticResults.CPU + ", 2 cores, Test JDK 25"), md);
        List<String> titles = md.lines().filter(l -> l.startsWith("**") && !l.equals("**Contents**")).toList();
        assertEquals(7, titles.size(), md); // the ranking, then six tables of the section
        titles.forEach(t -> assertTrue(t.contains("E1 · dataset smoke · format binary"), t));
        List<String> charts = svgs(report.html());
        assertFalse(charts.isEmpty());
        charts.forEach(c -> assertTrue(c.contains("E1 · dataset smoke · format binary · " + SyntheticResults.CPU), c));
    }

    @Test
    void htmlChartsAreWellFormedSvg() throws Exception {
        String html = report().html();
        List<String> charts = svgs(html);
        // strategy bars, bound bars, speedup warm, speedup cold, subprocess overhead, timeline warm
        assertEquals(6, charts.size(), html);
        for (String svg : charts) {
            Document doc = parseXml(svg);
            assertEquals("svg", doc.getDocumentElement().getLocalName());
            assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
        }
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.matches("(?s).*(href|src)=\"https?:.*"), "no network references");
        String timeline = charts.stream().filter(c -> c.contains("Per-file timeline")).findFirst().orElseThrow();
        NodeList rects = parseXml(timeline).getElementsByTagName("rect");
        int fileBars = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            fileBars += rects.item(i).getTextContent().contains(", file ") ? 1 : 0;
        }
        assertEquals(12, fileBars, "one bar per file (6) per strategy with a timeline (2)");
        String speedup = charts.stream().filter(c -> c.contains("Speedup against threads, cache warm")).findFirst().orElseThrow();
        assertTrue(speedup.contains("ideal (speedup = threads)") && speedup.contains("Amdahl fit") && speedup.contains("USL fit"));
        assertTrue(speedup.contains("threads</text>") && speedup.contains("speedup over sequential (×)</text>"), "axis labels with units");
    }

    @Test
    void csvHasOneRowPerBenchmarkAndParams() throws IOException {
        List<String> lines = report().csv().lines().toList();
        assertEquals(1 + SyntheticResults.fullRunSize(), lines.size(), String.join("\n", lines));
        assertTrue(lines.getFirst().startsWith("environment,cpu,cores,jdk,"), lines.getFirst());
        assertTrue(lines.stream().anyMatch(l -> l.contains(",dictbench.bench.SequentialLoadBenchmark.load,sequential,1,")
                && l.contains(",6,2,600.000,594.000,606.000,1.00000,")), String.join("\n", lines));
    }

    @Test
    void limitsCompareTheBestStrategyWithTheDecodeAndRawReadBounds() throws IOException {
        String md = report().markdown();
        // best: platform ×8 at 600/C(8) = 143.25 ms; raw read 150 ms (2 threads); decode 500 ms / 2 cores = 250 ms
        assertTrue(md.contains("| warm | platform ×8 | 143 ms [142, 145] | 150 ms (raw-read ×2) | 250 ms (500 ms / 2 cores) | 250 ms | decode | 175% |"), md);
        assertTrue(md.contains("cache cold: n/a because no RawReadBenchmark result with cache=cold"), md);
    }

    @Test
    void coldLoadsAreSetAgainstTheLargerOfTheirWarmTimeAndTheColdRawRead() throws IOException {
        assertFalse(report().markdown().contains("Cold against its bounds"), "no cold raw read in the full run, so no bound");
        Path withRaw = SyntheticResults.fullRun().add("RawReadBenchmark", COLD + ",\"threads\":\"1\"", 400).writeTo(tmp.resolve("raw"));
        SyntheticResults.environment(withRaw, 2, "smoke");
        String md = Report.of(Results.read(List.of(withRaw))).markdown();
        // sequential: cold 1200 ms against its warm 600 ms, which is above the raw read's 400 ms
        assertTrue(md.contains("| sequential ×1 | 1200 ms [1188, 1212] | 600 ms [594, 606] | 400 ms [396, 404] | warm | 2.00x ["), md);
        // platform ×2: cold 700 ms against the raw read's 400 ms, which is above its warm 321 ms
        assertTrue(md.contains("| platform ×2 | 700 ms [693, 707] | 321 ms [318, 324] | 400 ms [396, 404] | raw read | 1.75x ["), md);
        // no OverlapBoundBenchmark in this run
        assertTrue(md.contains("| raw read | 1.75x [1.72, 1.79] | n/a | n/a |"), md);
    }

    @Test
    void coldLoadsAreSetAgainstTheOverlapBoundOfTheirOwnThreadCount() throws IOException {
        Path withBound = SyntheticResults.fullRun().add("RawReadBenchmark", COLD + ",\"threads\":\"1\"", 400)
                .add("OverlapBoundBenchmark", COLD + ",\"threads\":\"1\"", 1000)
                .add("OverlapBoundBenchmark", COLD + ",\"threads\":\"2\"", 560)
                .add("OverlapBoundBenchmark", WARM + ",\"threads\":\"2\"", 350)
                .add("VirtualThreadsLoadBenchmark", COLD + ",\"split\":\"false\"", 672)
                .writeTo(tmp.resolve("bound"));
        SyntheticResults.environment(withBound, 2, "smoke");
        String md = Report.of(Results.read(List.of(withBound))).markdown();
        // sequential (1 thread): 1200 ms against the 1-thread bound's 1000 ms; platform ×2: 700 against the 2-thread cold bound's 560
        assertTrue(md.contains("| sequential ×1 | 1200 ms [1188, 1212] | 600 ms [594, 606] | 400 ms [396, 404] | warm | 2.00x [1.96, 2.04] "
                + "| 1000 ms [990, 1010] | 1.20x [1.18, 1.22] |"), md);
        assertTrue(md.contains("| platform ×2 | 700 ms [693, 707] | 321 ms [318, 324] | 400 ms [396, 404] | raw read | 1.75x [1.72, 1.79] "
                + "| 560 ms [554, 566] | 1.25x [1.23, 1.28] |"), md);
        // virtual threads run on the machine's 2 cores: against the 2-thread bound
        assertTrue(md.contains("| virtual ×2 | 672 ms [665, 679] | 320 ms [317, 323] | 400 ms [396, 404] | raw read | 1.68x [1.65, 1.71] "
                + "| 560 ms [554, 566] | 1.20x ["), md);
    }

    @Test
    void cpuPerShotGivesTheFloorAndHowBusyTheCoresWere() throws IOException {
        assertFalse(report().markdown().contains("CPU per shot"), "the full run has no CPU counters, so no CPU table");
        Path withCpu = SyntheticResults.fullRun()
                .add("RawReadBenchmark", COLD + ",\"threads\":\"2\"", 400, Map.of("cpuBusyMs", 200.0, "cpuStealMs", 10.0))
                .add("OverlapBoundBenchmark", COLD + ",\"threads\":\"2\"", 560, Map.of("cpuBusyMs", 1008.0, "cpuStealMs", 0.0))
                .add("ForkJoinLoadBenchmark", COLD + ",\"threads\":\"2\"", 800, Map.of("cpuBusyMs", -1.0, "cpuStealMs", -1.0))
                .writeTo(tmp.resolve("cpu"));
        SyntheticResults.environment(withCpu, 2, "smoke");
        Report report = Report.of(Results.read(List.of(withCpu)));
        String md = report.markdown();
        // raw read: 200 ms busy over 400 ms on 2 cores = 25%, floor 100 ms; overlap bound: 1008 / (560 x 2) = 90%, floor 504
        assertTrue(md.contains("| raw-read ×2 | cold | 400 ms [396, 404] | 200 ms [198, 202] | 100 | 25.0% [25.0, 25.0] | 10.0 |"), md);
        assertTrue(md.contains("| overlap-bound ×2 | cold | 560 ms [554, 566] | 1008 ms [998, 1018] | 504 | 90.0% [90.0, 90.0] | 0.00 |"), md);
        // a shot that could not read the machine's CPU times gives no row, not a negative one
        assertFalse(md.contains("| forkjoin ×2 | cold | 800 ms"), md);
        assertTrue(report.csv().lines().anyMatch(l -> l.contains("OverlapBoundBenchmark") && l.endsWith(",1008.00,0.900000")),
                report.csv());
    }

    @Test
    void cpuFloorIsNaWhereTheCoresAreUnknown() throws IOException {
        Path noEnv = SyntheticResults.fullRun()
                .add("RawReadBenchmark", COLD + ",\"threads\":\"2\"", 400, Map.of("cpuBusyMs", 200.0))
                .writeTo(tmp.resolve("cpu-no-env"));
        String md = Report.of(Results.read(List.of(noEnv))).markdown();
        assertTrue(md.contains("| raw-read ×2 | cold | 400 ms [396, 404] | 200 ms [198, 202] | n/a | n/a | n/a |"), md);
    }

    @Test
    void subprocessOverheadSharesAndRatio() throws IOException {
        String md = report().markdown();
        assertTrue(md.contains("| subprocess-pool ×2 | warm | 900 ms [891, 909] | 321 ms [318, 324] | 2.80x ["), md);
        assertTrue(md.contains("| subprocess-pool ×2 | warm | childDecodeMs | 400 | 40.0% [40.0, 40.0] |"), md);
        assertTrue(md.contains("| 12.0 | 300 |"), "shipped MB and pool start: " + md);
    }

    @Test
    void writesThreeFilesBesideTheResults() throws IOException {
        List<Path> written = Report.write(List.of(run));
        assertEquals(List.of(run.resolve("report.md"), run.resolve("report.csv"), run.resolve("report.html")), written);
        for (Path p : written) {
            assertTrue(Files.size(p) > 0, p + " is empty");
        }
        Path json = Files.move(run.resolve("jmh.json"), tmp.resolve("elsewhere.json"));
        Report.write(List.of(json));
        assertTrue(Files.isRegularFile(tmp.resolve("report.html")), "beside the JSON file");
    }

    @Test
    void environmentsAreNeverMixed() throws IOException {
        Path a = new SyntheticResults().add("SequentialLoadBenchmark", WARM, 100)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"threads\":\"2\"", 50).writeTo(tmp.resolve("a"));
        SyntheticResults.environment(a, 2, "smoke");
        Path b = new SyntheticResults().add("SequentialLoadBenchmark", WARM, 400)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"threads\":\"2\"", 100).writeTo(tmp.resolve("b"));
        SyntheticResults.environment(b, 8, "smoke");
        Results results = Results.read(List.of(a, b));
        assertEquals(2, results.environments().size());
        String md = Report.of(results).markdown();
        assertTrue(md.contains("## Environment E1") && md.contains("## Environment E2"), md);
        assertTrue(md.contains("| smoke | binary | warm | platform | 2 | 50.0 ms [49.5, 50.5] | 2.00x ["), md);
        assertTrue(md.contains("| smoke | binary | warm | platform | 2 | 100 ms [99.0, 101] | 4.00x ["), md);
    }

    @Test
    void dictbenchPathPropertiesDoNotSplitAnEnvironment() throws IOException {
        Path a = new SyntheticResults().add("SequentialLoadBenchmark", WARM, 100).writeTo(tmp.resolve("a"));
        SyntheticResults.environment(a, 2, "smoke");
        Path b = new SyntheticResults().add("SequentialLoadBenchmark", COLD_PARAMS, 200).writeTo(tmp.resolve("b"));
        SyntheticResults.environment(b, 2, "smoke");
        assertEquals(1, Results.read(List.of(a, b)).environments().size(), "-Ddictbench.root differs, nothing else");
    }

    static final String COLD_PARAMS = SyntheticResults.COLD;

    @Test
    void sameConfigurationTwiceIsRejected() throws IOException {
        Path json = run.resolve("jmh.json");
        ResultsException e = assertThrows(ResultsException.class, () -> Results.read(List.of(json, json)));
        assertTrue(e.getMessage().contains("appears twice") && e.getMessage().contains(json.toString()), e.getMessage());
    }

    @Test
    void datasetDisagreeingWithTheEnvironmentIsRejected() throws IOException {
        SyntheticResults.environment(run, 2, "default");
        ResultsException e = assertThrows(ResultsException.class, () -> Results.read(List.of(run)));
        assertTrue(e.getMessage().contains("ran on dataset smoke") && e.getMessage().contains("environment.json"), e.getMessage());
    }

    @Test
    void malformedInputsAreRejectedWithTheFileNamed() throws IOException {
        Path timeline = run.resolve("timelines/broken.json");
        Files.writeString(timeline, "{\"benchmark\":\"X\"}");
        ResultsException e = assertThrows(ResultsException.class, () -> Results.read(List.of(run)));
        assertTrue(e.getMessage().contains(timeline.toString()), e.getMessage());
        Files.delete(timeline);

        Files.writeString(run.resolve("jmh.json"), "[{\"benchmark\": ");
        e = assertThrows(ResultsException.class, () -> Results.read(List.of(run)));
        assertTrue(e.getMessage().contains(run.resolve("jmh.json").toString()) && e.getMessage().contains("is not JSON"), e.getMessage());

        Files.writeString(run.resolve("jmh.json"), "[]");
        e = assertThrows(ResultsException.class, () -> Results.read(List.of(run)));
        assertTrue(e.getMessage().contains("holds no benchmark results"), e.getMessage());

        Files.writeString(run.resolve("jmh.json"), new SyntheticResults().add("SequentialLoadBenchmark", WARM, 1).json()
                .replace("ms/op", "ops/ms"));
        e = assertThrows(ResultsException.class, () -> Results.read(List.of(run)));
        assertTrue(e.getMessage().contains("not a time per operation"), e.getMessage());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        IOException missing = assertThrows(IOException.class, () -> Results.read(List.of(empty)));
        assertTrue(missing.getMessage().contains(empty.resolve("jmh.json").toString()), missing.getMessage());
    }

    @Test
    void withoutEnvironmentJsonCoresAreUnknownNotGuessed() throws IOException {
        Files.delete(run.resolve("environment.json"));
        String md = report().markdown();
        assertTrue(md.contains("unknown (no environment.json), unknown cores"), md);
        assertTrue(md.contains("| smoke | binary | warm | virtual | cores | 320 ms [317, 323] | 1.88x ["), md);
        assertTrue(md.contains("core count unknown (no environment.json)"), md);
    }

    @Test
    void findingsExplainVirtualThreadsAndTheSubprocessCostFromTheRunsOwnNumbers() throws IOException {
        String md = report().markdown();
        assertTrue(md.contains("#### Findings"), md);
        assertTrue(md.contains("Virtual against platform threads — cache warm: virtual 320 ms"), md);
        assertTrue(md.contains("subprocess-pool at 2 threads, cache warm: 900 ms"), md);
        // 200 ms encode + 250 ms parent decode, against 400 ms of decoding in the children; the 50 ms of reading
        // on the pipes is not work
        assertTrue(md.contains("children decoded for 400 ms and encoded for 200 ms, and the parent decoded again for 250 ms, "
                + "so 450 ms"), md);
        assertTrue(md.contains("(1.1× the children's own decoding), besides 50 ms the parent spent reading from the pipes"), md);
    }

    @Test
    void findingsSetTmpfsAgainstTheSameFilesOnDisk() throws IOException {
        String disk = "\"dataset\":\"default\",\"format\":\"binary\",\"cache\":";
        String tmpfs = "\"dataset\":\"default-tmpfs\",\"format\":\"binary\",\"cache\":";
        Path both = new SyntheticResults()
                .add("SequentialLoadBenchmark", disk + "\"warm\"", 400)
                .add("SequentialLoadBenchmark", disk + "\"cold\"", 800)
                .add("SequentialLoadBenchmark", tmpfs + "\"warm\"", 400)
                .writeTo(tmp.resolve("tmpfs"));
        SyntheticResults.environment(both, 2, "default,default-tmpfs");
        String md = Report.of(Results.read(List.of(both))).markdown();
        assertTrue(md.contains("tmpfs against disk (default-tmpfs against default, the same files) — "), md);
        assertTrue(md.contains("sequential, disk cache warm: tmpfs 400 ms"), md);
        assertTrue(md.contains("disk/tmpfs 1.00x"), md);
        assertTrue(md.contains("no difference this run can resolve"), md);
        assertTrue(md.contains("disk cache cold: tmpfs 400 ms [396, 404], disk 800 ms [792, 808], disk/tmpfs 2.00x"), md);
        assertTrue(md.contains("tmpfs faster, the interval excludes 1"), md);
        assertTrue(md.contains("Accordingly the warm rows do not differ."), md);
    }

    @Test
    void aWarmDifferenceBetweenTmpfsAndDiskIsNamed() throws IOException {
        String disk = "\"dataset\":\"default\",\"format\":\"binary\",\"cache\":\"warm\"";
        String tmpfs = "\"dataset\":\"default-tmpfs\",\"format\":\"binary\",\"cache\":\"warm\"";
        Path both = new SyntheticResults()
                .add("SequentialLoadBenchmark", disk, 400)
                .add("RawReadBenchmark", disk + ",\"threads\":\"2\"", 20)
                .add("SequentialLoadBenchmark", tmpfs, 400)
                .add("RawReadBenchmark", tmpfs + ",\"threads\":\"2\"", 30)
                .writeTo(tmp.resolve("tmpfs-raw"));
        SyntheticResults.environment(both, 2, "default,default-tmpfs");
        String md = Report.of(Results.read(List.of(both))).markdown();
        assertTrue(md.contains("raw-read at 2 threads, disk cache warm: tmpfs 30.0 ms"), md);
        assertTrue(md.contains("disk faster, the interval excludes 1"), md);
        assertTrue(md.contains("Where warm rows differ (raw-read)") && md.contains("only reading alone shows it"), md);
    }
}
