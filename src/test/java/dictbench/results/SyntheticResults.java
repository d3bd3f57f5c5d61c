package dictbench.results;

import dictbench.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds JMH JSON (the shape {@code -rf json} writes) and the files beside it, with known medians:
 * each configuration gets 2 forks × 3 shots of {@code m·0.99, m, m·1.01}, so its median is exactly m.
 */
public final class SyntheticResults {
    public static final String CPU = "Test CPU 9000";
    private final List<String> results = new ArrayList<>();

    /** Adds one benchmark+params with median {@code medianMs} and secondary metrics with the given per-shot medians. */
    public SyntheticResults add(String benchmarkClass, String params, double medianMs, Map<String, Double> secondary) {
        String sec = secondary.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":{\"score\":1,\"scoreError\":\"NaN\",\"scoreUnit\":\"#\",\"rawData\":" + raw(e.getValue()) + "}")
                .collect(Collectors.joining(","));
        results.add("""
                {"jmhVersion":"1.37","benchmark":"dictbench.bench.%s.%s","mode":"ss","threads":1,"forks":2,"jvm":"/j",
                 "jvmArgs":["-Xmx1g","-Ddictbench.root=/somewhere"],"jdkVersion":"25","vmName":"OpenJDK 64-Bit Server VM",
                 "params":{%s},
                 "primaryMetric":{"score":%s,"scoreError":"NaN","scoreUnit":"ms/op","rawData":%s},
                 "secondaryMetrics":{%s}}
                """.formatted(benchmarkClass, method(benchmarkClass), params, medianMs, raw(medianMs), sec));
        return this;
    }

    public SyntheticResults add(String benchmarkClass, String params, double medianMs) {
        return add(benchmarkClass, params, medianMs, Map.of("megabytes", 10.0));
    }

    private static String method(String benchmarkClass) {
        return switch (benchmarkClass) {
            case "RawReadBenchmark" -> "read";
            case "DecodeBenchmark" -> "decode";
            case "OverlapBoundBenchmark" -> "bound";
            case "StoreReadyBenchmark" -> "ready";
            case "StoreLookupBenchmark" -> "lookups";
            case "StoreScanBenchmark" -> "scan";
            case "StoreLoadAllBenchmark" -> "loadAll";
            default -> "load";
        };
    }

    public static String raw(double m) {
        String fork = String.format(Locale.ROOT, "[%s,%s,%s]", m * 0.99, m, m * 1.01);
        return "[" + fork + "," + fork + "]";
    }

    public String json() {
        return "[" + String.join(",", results) + "]";
    }

    /** Writes {@code dir/jmh.json} and returns {@code dir}. */
    public Path writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(RunLayout.JMH_JSON), json());
        return dir;
    }

    public static void environment(Path dir, int cores, String dataset) throws IOException {
        new Environment("2026-11-23T12:00:00Z", "testhost", CPU, cores, 1L << 34, "Linux amd64", "6.1", "Test JDK 25", "OpenJDK 25",
                List.of("-Xmx1g", "-Ddictbench.root=" + dir), "G1", dataset, "binary=" + "ab".repeat(32), List.of())
                .write(dir.resolve(RunLayout.ENVIRONMENT_JSON));
    }

    /** USL relative capacity (Gunther 2007): C(N) = N / (1 + σ(N − 1) + κN(N − 1)). */
    public static double usl(double sigma, double kappa, int n) {
        return n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    public static final double SIGMA = 0.05;
    public static final double KAPPA = 0.01;
    public static final double T1 = 600;
    public static final int[] SWEEP = {1, 2, 3, 4, 6, 8};

    public static final String WARM = "\"dataset\":\"smoke\",\"format\":\"binary\",\"cache\":\"warm\"";
    public static final String COLD = "\"dataset\":\"smoke\",\"format\":\"binary\",\"cache\":\"cold\"";

    /**
     * A full run on dataset smoke: sequential, platform over a USL threads sweep, forkjoin at 1 and 2
     * threads (too few points for any fit), virtual threads, raw read, decode and a subprocess pool,
     * warm; sequential and platform ×2 cold.
     */
    public static SyntheticResults fullRun() {
        SyntheticResults r = new SyntheticResults();
        r.add("SequentialLoadBenchmark", WARM, T1);
        for (int n : SWEEP) {
            r.add("PlatformThreadsLoadBenchmark", WARM + ",\"split\":\"false\",\"threads\":\"" + n + "\"", T1 / usl(SIGMA, KAPPA, n));
        }
        r.add("ForkJoinLoadBenchmark", WARM + ",\"threads\":\"1\"", 610);
        r.add("ForkJoinLoadBenchmark", WARM + ",\"threads\":\"2\"", 330);
        r.add("VirtualThreadsLoadBenchmark", WARM + ",\"split\":\"false\"", 320);
        r.add("RawReadBenchmark", WARM + ",\"threads\":\"1\"", 200);
        r.add("RawReadBenchmark", WARM + ",\"threads\":\"2\"", 150);
        r.add("DecodeBenchmark", "\"dataset\":\"smoke\",\"format\":\"binary\"", 500);
        Map<String, Double> costs = new LinkedHashMap<>();
        costs.put("processStartMs", 100.0);
        costs.put("childDecodeMs", 400.0);
        costs.put("childEncodeMs", 200.0);
        costs.put("transferMs", 50.0);
        costs.put("parentDecodeMs", 250.0);
        costs.put("shippedMB", 12.0);
        costs.put("poolStartMs", 300.0);
        r.add("SubprocessLoadBenchmark", WARM + ",\"mode\":\"pool\",\"threads\":\"2\"", 900, costs);
        r.add("SequentialLoadBenchmark", COLD, 1200);
        r.add("PlatformThreadsLoadBenchmark", COLD + ",\"split\":\"false\",\"threads\":\"2\"", 700);
        return r;
    }

    public static int fullRunSize() {
        return 1 + SWEEP.length + 2 + 1 + 2 + 1 + 1 + 2;
    }

    /** A timeline file as TimelineRecorder writes it, for {@code files} files loaded back to back from 0. */
    public static void timeline(Path dir, String benchmarkClass, String params, int files, long nanosEach) throws IOException {
        Path t = dir.resolve(RunLayout.TIMELINES);
        Files.createDirectories(t);
        StringBuilder spans = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < files; i++) {
            spans.append(i == 0 ? "" : ",").append("{\"file\":").append(i).append(",\"startNanos\":").append(i * nanosEach)
                    .append(",\"endNanos\":").append((i + 1) * nanosEach).append('}');
            names.append(i == 0 ? "" : ",").append("\"smoke-").append(i).append(".bin\"");
        }
        Files.writeString(t.resolve(benchmarkClass + "-" + params.replaceAll("[\":,]", "") + ".json"),
                "{\"benchmark\":\"" + benchmarkClass + "\",\"params\":{" + params + "},\"files\":[" + names + "],\"spans\":[" + spans + "]}");
    }
}
