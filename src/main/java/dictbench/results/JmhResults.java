package dictbench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dictbench.stats.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON result format ({@code -rf json}); anything else gets a clear error naming the file. */
public final class JmhResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhResults() {
    }

    public static List<BenchmarkResult> read(Path file) throws IOException {
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
        List<BenchmarkResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(parse(file, i, root.get(i)));
        }
        return results;
    }

    private static BenchmarkResult parse(Path file, int index, JsonNode node) throws ResultsException {
        String where = file + ": result " + index;
        String benchmark = text(node, "benchmark", where);
        where = file + ": " + benchmark;
        JsonNode primary = required(node, "primaryMetric", where);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = node.get("params");
        if (p != null && p.isObject()) {
            p.properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
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
        return new BenchmarkResult(benchmark, text(node, "mode", where), text(primary, "scoreUnit", where), params,
                samples(primary, where), secondary, node.path("threads").asInt(1), jvmArgs,
                node.path("jdkVersion").asText(""), node.path("vmName").asText(""));
    }

    private static Samples samples(JsonNode metric, String where) throws ResultsException {
        JsonNode raw = required(metric, "rawData", where);
        if (!raw.isArray() || raw.isEmpty()) {
            throw new ResultsException(where + ": rawData must be a non-empty array of forks");
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
