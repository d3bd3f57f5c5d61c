package dictbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.bench.TimelineRecorder;
import dictbench.load.FileSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline file is a contract between bench.TimelineRecorder (writer) and report.Timeline (reader). */
class TimelineTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatTheRecorderWrites() throws IOException {
        Map<String, String> params = Map.of("threads", "2", "cache", "warm", "dataset", "smoke", "format", "binary", "split", "false");
        Path file = new TimelineRecorder(dir.resolve("timelines")).record("PlatformThreadsLoadBenchmark", params,
                List.of(Path.of("/data/a.bin"), Path.of("/data/b.bin")),
                List.of(new FileSpan(0, 0, 5_000_000), new FileSpan(1, 1_000_000, 9_000_000)));
        assertEquals("PlatformThreadsLoadBenchmark-cache=warm_dataset=smoke_format=binary_split=false_threads=2.json",
                file.getFileName().toString());
        Timeline t = Timeline.readAll(dir.resolve("timelines")).getFirst();
        assertEquals(List.of("a.bin", "b.bin"), t.files());
        assertEquals(List.of(new Timeline.Span(0, 0, 5_000_000), new Timeline.Span(1, 1_000_000, 9_000_000)), t.spans());
        assertEquals(9_000_000, t.endNanos());
        BenchmarkResult result = JmhResults.read(Files.writeString(dir.resolve("r.json"), "[" + JmhResultsTest.result(
                "dictbench.bench.PlatformThreadsLoadBenchmark.load",
                "\"threads\":\"2\",\"cache\":\"warm\",\"dataset\":\"smoke\",\"format\":\"binary\",\"split\":\"false\"",
                "[[1.0]]") + "]")).getFirst();
        assertTrue(t.belongsTo(result));
    }

    @Test
    void overwritesSoTheLastShotRemains() throws IOException {
        TimelineRecorder recorder = new TimelineRecorder(dir);
        recorder.record("SequentialLoadBenchmark", Map.of("cache", "cold"), List.of(Path.of("a")), List.of(new FileSpan(0, 0, 1)));
        recorder.record("SequentialLoadBenchmark", Map.of("cache", "cold"), List.of(Path.of("a")), List.of(new FileSpan(0, 0, 7)));
        List<Timeline> all = Timeline.readAll(dir);
        assertEquals(1, all.size());
        assertEquals(7, all.getFirst().endNanos());
    }

    @Test
    void rejectsSpansOfUnnamedFilesAndNamesTheFile() throws IOException {
        Path f = Files.writeString(dir.resolve("t.json"),
                "{\"benchmark\":\"X\",\"params\":{},\"files\":[\"a\"],\"spans\":[{\"file\":3,\"startNanos\":0,\"endNanos\":1}]}");
        ResultsException e = assertThrows(ResultsException.class, () -> Timeline.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("only 1 files"), e.getMessage());
        Files.writeString(f, "{\"benchmark\":\"X\",\"params\":{},\"files\":[\"a\"],\"spans\":[{\"file\":0,\"startNanos\":5,\"endNanos\":1}]}");
        assertTrue(assertThrows(ResultsException.class, () -> Timeline.read(f)).getMessage().contains("startNanos <= endNanos"));
    }
}
