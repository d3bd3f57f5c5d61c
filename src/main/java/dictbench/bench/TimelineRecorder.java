package dictbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dictbench.load.FileSpan;
import dictbench.os.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes when each file of one shot was loaded, which JMH's JSON cannot carry, so the report can draw
 * a per-file timeline. Enabled by the system property {@value #DIR_PROPERTY} (a directory); one file
 * per benchmark and params, {@code <dir>/<BenchmarkClass>-<k=v joined by _>.json}, written atomically
 * and overwritten by every later shot of the same configuration, so it ends up holding the last
 * measured shot of the last fork. Layout (read by {@code dictbench.results.Timeline}):
 * <pre>{"benchmark": "PlatformThreadsLoadBenchmark", "params": {"cache": "warm", ...},
 *  "files": ["f0.bin", ...], "spans": [{"file": 0, "startNanos": 0, "endNanos": 1234}, ...]}</pre>
 * Nanoseconds are relative to the start of the load.
 */
public final class TimelineRecorder {
    /** System property naming the directory to write timelines to; unset: nothing is recorded. */
    public static final String DIR_PROPERTY = "dictbench.timeline.dir";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public TimelineRecorder(Path dir) {
        this.dir = dir;
    }

    /** A recorder for the directory {@value #DIR_PROPERTY} names, or empty when it is unset or blank. */
    public static Optional<TimelineRecorder> fromSystemProperty() {
        String dir = System.getProperty(DIR_PROPERTY, "");
        return dir.isBlank() ? Optional.empty() : Optional.of(new TimelineRecorder(Path.of(dir)));
    }

    /**
     * Writes one shot's spans and returns the file written.
     *
     * @param benchmark the benchmark class's simple name, e.g. {@code PlatformThreadsLoadBenchmark}
     * @param params    the JMH params of the run, in any order (the file lists them sorted by key)
     * @param files     the dataset's files, in the order the spans' indices refer to
     */
    public Path record(String benchmark, Map<String, String> params, List<Path> files, List<FileSpan> spans) throws IOException {
        SortedMap<String, String> sorted = new TreeMap<>(params);
        ObjectNode root = JSON.createObjectNode().put("benchmark", benchmark);
        ObjectNode p = root.putObject("params");
        sorted.forEach(p::put);
        ArrayNode names = root.putArray("files");
        files.forEach(f -> names.add(f.getFileName().toString()));
        ArrayNode out = root.putArray("spans");
        for (FileSpan s : spans) {
            out.addObject().put("file", s.file()).put("startNanos", s.startNanos()).put("endNanos", s.endNanos());
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName(benchmark, sorted));
        AtomicFiles.write(file, o -> JSON.writeValue(o, root));
        return file;
    }

    /** {@code <benchmark>-<k=v joined by _>.json}, characters unsafe in a file name replaced by '-'. */
    static String fileName(String benchmark, SortedMap<String, String> params) {
        String joined = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("_"));
        return (benchmark + (joined.isEmpty() ? "" : "-" + joined)).replaceAll("[^A-Za-z0-9._=,-]", "-") + ".json";
    }
}
