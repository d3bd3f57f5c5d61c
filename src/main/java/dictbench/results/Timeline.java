package dictbench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * When each file of one shot was loaded, as {@code dictbench.bench.TimelineRecorder} writes it (JMH's
 * JSON has no room for it): the benchmark class, its params, the file names and one span per file.
 *
 * @param benchmark the benchmark class's simple name, as {@link BenchmarkResult#className()}
 * @param params    the JMH params of the shot
 * @param files     file names, indexed by {@link Span#file()}
 * @param spans     one per file loaded
 */
public record Timeline(String benchmark, Map<String, String> params, List<String> files, List<Span> spans) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One file's load, nanoseconds since the load began.
     *
     * @param file index into {@link Timeline#files()}, >= 0
     * @param startNanos >= 0
     * @param endNanos >= startNanos
     */
    public record Span(int file, long startNanos, long endNanos) {
        public Span {
            if (file < 0 || startNanos < 0 || endNanos < startNanos) {
                throw new IllegalArgumentException("need file >= 0 and 0 <= startNanos <= endNanos, got " + file + ", "
                        + startNanos + ", " + endNanos);
            }
        }
    }

    public Timeline {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        files = List.copyOf(files);
        spans = List.copyOf(spans);
        for (Span s : spans) {
            if (s.file() >= files.size()) {
                throw new IllegalArgumentException("span of file " + s.file() + ", but only " + files.size() + " files are named");
            }
        }
    }

    /** True when this is the timeline of a shot of {@code r}: same benchmark class and params. */
    public boolean belongsTo(BenchmarkResult r) {
        return benchmark.equals(r.className()) && params.equals(r.params());
    }

    /** Latest end over all spans, nanoseconds. */
    public long endNanos() {
        return spans.stream().mapToLong(Span::endNanos).max().orElse(0);
    }

    /** Every {@code *.json} in {@code dir}, sorted by name; none when the directory does not exist. */
    public static List<Timeline> readAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Timeline> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(read(f));
            }
        }
        return out;
    }

    public static Timeline read(Path file) throws IOException {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject() || !root.path("benchmark").isTextual() || !root.path("params").isObject()
                    || !root.path("files").isArray() || !root.path("spans").isArray()) {
                throw new ResultsException(file + " is not a dictbench timeline (needs benchmark, params, files and spans)");
            }
            Map<String, String> params = new TreeMap<>();
            root.get("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
            List<String> files = new ArrayList<>();
            root.get("files").forEach(f -> files.add(f.asText()));
            List<Span> spans = new ArrayList<>();
            for (JsonNode s : root.get("spans")) {
                if (!s.path("file").canConvertToInt() || !s.path("startNanos").canConvertToLong() || !s.path("endNanos").canConvertToLong()) {
                    throw new ResultsException(file + ": every span needs integer file, startNanos and endNanos, got " + s);
                }
                spans.add(new Span(s.get("file").asInt(), s.get("startNanos").asLong(), s.get("endNanos").asLong()));
            }
            return new Timeline(root.get("benchmark").asText(), params, files, spans);
        } catch (JacksonException e) {
            throw new ResultsException(file + " is not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new ResultsException(file + ": " + e.getMessage(), e);
        }
    }
}
