package dictbench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dictbench.stats.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Reads JMH's JSON result format ({@code -rf json}); anything else gets a clear error naming the file. */
public final class JmhResults {
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * The most shots (forks × iterations) of one benchmark dictbench reads: every CI resamples every shot
     * 10,000 times, so a report over 20,000 shots takes seconds and one over a million would take hours.
     */
    public static final int MAX_SHOTS = 20_000;

    private JmhResults() {
    }

    public static List<BenchmarkResult> read(Path file) throws IOException {
        return parseAll(file.toString(), tree(file));
    }

    /**
     * Reads several runs of the same benchmarks as one: pyperf's {@code compare_to a.json b.json}. A benchmark
     * with the same params in several files keeps its first appearance and gains the later ones' forks, for
     * its score and for each secondary metric ({@link #merged}).
     *
     * @throws ResultsException if a file is not JMH JSON, or the files disagree on a benchmark's mode, unit or counters
     */
    public static List<BenchmarkResult> read(List<Path> files) throws IOException {
        if (files.size() == 1) {
            return read(files.getFirst());
        }
        return parseAll(String.join(" + ", files.stream().map(Path::toString).toList()), merged(files));
    }

    /**
     * Several JMH JSON files as one JMH JSON array, the form {@code dictbench ab} writes for each side: every
     * result of every file, one per benchmark and params, in the order first seen; a later file's forks of the
     * same benchmark are appended to the {@code rawData} of its score and of each secondary metric.
     *
     * @throws ResultsException if a file is not JMH JSON, or two files disagree on a benchmark's mode, unit or
     *     secondary metrics (forks of different builds' counters cannot be pooled)
     */
    public static ArrayNode merged(List<Path> files) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files: must name at least one JMH JSON file");
        }
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        for (Path file : files) {
            JsonNode root = tree(file);
            parseAll(file.toString(), root); // every file must be valid on its own
            for (JsonNode result : root) {
                String key = result.path("benchmark").asText() + " " + new TreeMap<>(params(result));
                ObjectNode first = merged.get(key);
                if (first == null) {
                    merged.put(key, (ObjectNode) result.deepCopy());
                    continue;
                }
                String where = file + ": " + key;
                if (!first.path("mode").equals(result.path("mode"))) {
                    throw new ResultsException(where + " has mode " + result.path("mode") + " but an earlier file has "
                            + first.path("mode") + "; merge only runs of the same benchmarks");
                }
                JsonNode unit = result.path("primaryMetric").path("scoreUnit");
                if (!first.path("primaryMetric").path("scoreUnit").equals(unit)) {
                    throw new ResultsException(where + " is in " + unit + " but an earlier file has "
                            + first.path("primaryMetric").path("scoreUnit") + "; merge only runs of the same benchmarks");
                }
                Set<String> firstSecondary = names(first.path("secondaryMetrics"));
                Set<String> secondary = names(result.path("secondaryMetrics"));
                if (!firstSecondary.equals(secondary)) {
                    throw new ResultsException(where + " has the secondary metrics " + secondary + " but an earlier file has "
                            + firstSecondary + "; merge only runs of one build");
                }
                ((ArrayNode) first.path("primaryMetric").path("rawData")).addAll((ArrayNode) result.path("primaryMetric").path("rawData"));
                for (String name : secondary) {
                    ((ArrayNode) first.path("secondaryMetrics").path(name).path("rawData"))
                            .addAll((ArrayNode) result.path("secondaryMetrics").path(name).path("rawData"));
                }
            }
        }
        ArrayNode out = JSON.createArrayNode();
        merged.values().forEach(out::add);
        return out;
    }

    /** The file's JSON, which must be an array. */
    private static JsonNode tree(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such results file");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ResultsException(file + " is not JSON (" + e.getOriginalMessage() + "); give a JMH result written with -rf json");
        }
        if (root == null || !root.isArray()) {
            throw new ResultsException(file + " is not JMH JSON output (expected an array of benchmark results)");
        }
        return root;
    }

    private static List<BenchmarkResult> parseAll(String source, JsonNode root) throws ResultsException {
        List<BenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(parse(source, i, root.get(i)));
        }
        return results;
    }

    private static Map<String, String> params(JsonNode node) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = node.get("params");
        if (p != null && p.isObject()) {
            p.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        return params;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        if (object.isObject()) {
            object.properties().forEach(e -> names.add(e.getKey()));
        }
        return names;
    }

    private static BenchmarkResult parse(String file, int index, JsonNode node) throws ResultsException {
        String where = file + ": result " + index;
        String benchmark = text(node, "benchmark", where);
        where = file + ": " + benchmark;
        JsonNode primary = required(node, "primaryMetric", where);
        Map<String, String> params = params(node);
        String threads = params.get("threads");
        if (threads != null && !threads.matches("[1-9][0-9]{0,5}")) {
            throw new ResultsException(where + ": its threads param is '" + threads + "', not a thread count (1 to 999999)");
        }
        Map<String, Samples> secondary = new LinkedHashMap<>();
        JsonNode sec = node.get("secondaryMetrics");
        if (sec != null && sec.isObject()) {
            for (var e : sec.properties()) {
                secondary.put(e.getKey(), samples(e.getValue(), where + " secondary metric " + e.getKey()));
            }
        }
        List<String> jvmArgs = new ArrayList<>();
        JsonNode args = node.get("jvmArgs");
        if (args != null && args.isArray()) {
            args.forEach(a -> jvmArgs.add(a.asText()));
        }
        Samples scores = samples(primary, where);
        double lowest = java.util.Arrays.stream(scores.all()).min().orElse(1);
        if (lowest <= 0) { // a time (or a rate) of zero or less is no measurement; every ratio of it would be meaningless
            throw new ResultsException(where + ": its rawData holds " + lowest + ", and every score must be > 0; rerun the benchmark, "
                    + "or remove this result");
        }
        return new BenchmarkResult(benchmark, text(node, "mode", where), text(primary, "scoreUnit", where), params,
                scores, secondary, node.path("threads").asInt(1), jvmArgs,
                node.path("jdkVersion").asText(""), node.path("vmName").asText(""));
    }

    private static Samples samples(JsonNode metric, String where) throws ResultsException {
        if (metric.get("rawData") == null && metric.get("rawDataHistogram") != null) {
            throw new ResultsException(where + " holds a histogram (JMH's sample mode, -bm sample), which dictbench does not read; "
                    + "run it in single-shot (-bm ss), average-time (-bm avgt) or throughput (-bm thrpt) mode");
        }
        JsonNode raw = required(metric, "rawData", where);
        if (!raw.isArray() || raw.isEmpty()) {
            throw new ResultsException(where + ": rawData must be a non-empty array of forks");
        }
        long shots = 0;
        for (JsonNode fork : raw) {
            shots += fork.size();
        }
        if (shots > MAX_SHOTS) {
            throw new ResultsException(where + " holds " + shots + " shots; dictbench's statistics (bootstrap CIs over every shot) take at "
                    + "most " + MAX_SHOTS + " per benchmark, in reasonable time; run fewer iterations or forks");
        }
        List<double[]> forks = new ArrayList<>();
        for (JsonNode fork : raw) {
            if (!fork.isArray() || fork.isEmpty()) {
                throw new ResultsException(where + ": every fork in rawData must be a non-empty array");
            }
            double[] values = new double[fork.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = fork.get(i);
                // JMH writes NaN and infinities as strings
                if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                    throw new ResultsException(where + ": rawData holds " + v + ", not a finite number");
                }
                values[i] = v.asDouble();
            }
            forks.add(values);
        }
        return Samples.ofArrays(forks);
    }

    private static JsonNode required(JsonNode node, String field, String where) throws ResultsException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new ResultsException(where + " has no '" + field + "': not JMH JSON output");
        }
        return v;
    }

    private static String text(JsonNode node, String field, String where) throws ResultsException {
        JsonNode v = required(node, field, where);
        if (!v.isTextual()) {
            throw new ResultsException(where + ": '" + field + "' must be a string");
        }
        return v.asText();
    }
}
