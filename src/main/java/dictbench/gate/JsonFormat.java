package dictbench.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dictbench.format.OutputFormat;
import dictbench.results.BenchmarkResult;
import dictbench.results.Environment;
import dictbench.stats.ConfidenceInterval;
import dictbench.stats.PerformanceChange;
import dictbench.stats.Summary;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The gate's findings as JSON, for machines: settings, the environment check, verdict counts, and per
 * benchmark both summaries, the ratio and slowdown with their intervals, raw and adjusted p, the verdict,
 * the shots per side an INCONCLUSIVE verdict needs, and the reason. Undefined values are {@code null}.
 *
 * <pre>{@code
 * {"regressed": true, "counts": {"REGRESSED": 1, "IMPROVED": 0, "UNCHANGED": 4, "INCONCLUSIVE": 0},
 *  "settings": {"threshold": 0.05, "alpha": 0.01, "confidence": 0.99, "correction": "holm", "resamples": 10000, "seed": 1},
 *  "environment": {"comparable": true, "differences": [], "baseline": {...}, "current": {...}},
 *  "baselineFile": "...", "currentFile": "...",
 *  "benchmarks": [{"name": "...", "benchmark": "...", "params": {...}, "mode": "ss", "unit": "ms/op",
 *                  "direction": "lower-is-better",
 *                  "baseline": {"n": 50, "forks": 5, "median": 100.0, "ci": [99.0, 101.0]}, "current": {...},
 *                  "ratio": 1.2, "ratioCi": [1.18, 1.22], "slowdown": 1.2, "slowdownCi": [1.18, 1.22],
 *                  "pValue": 1e-17, "adjustedPValue": 5e-17, "verdict": "REGRESSED",
 *                  "shotsPerSideNeeded": null, "reason": "..."}],
 *  "onlyInBaseline": [], "onlyInCurrent": []}
 * }</pre>
 */
public final class JsonFormat implements OutputFormat<Comparison> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String fileName() {
        return "gate.json";
    }

    @Override
    public String render(Comparison report) {
        PerformanceChange.Settings s = report.settings();
        ObjectNode root = JSON.createObjectNode();
        root.put("regressed", report.regressed());
        ObjectNode counts = root.putObject("counts");
        for (PerformanceChange.Verdict v : PerformanceChange.Verdict.values()) {
            counts.put(v.name(), report.count(v));
        }
        ObjectNode settings = root.putObject("settings");
        settings.put("threshold", s.threshold());
        settings.put("alpha", s.alpha());
        settings.put("confidence", s.confidence());
        settings.put("correction", s.correction().key());
        settings.put("resamples", s.resamples());
        settings.put("seed", s.seed());
        ObjectNode env = root.putObject("environment");
        env.put("comparable", report.environment().matches());
        report.environment().differences().forEach(env.putArray("differences")::add);
        env.set("baseline", tree(report.environment().baseline()));
        env.set("current", tree(report.environment().current()));
        root.put("baselineFile", report.baselineName());
        root.put("currentFile", report.currentName());
        ArrayNode benchmarks = root.putArray("benchmarks");
        for (Comparison.Row row : report.rows()) {
            PerformanceChange.Result r = row.result();
            BenchmarkResult current = row.pair().current();
            ObjectNode b = benchmarks.addObject();
            b.put("name", row.pair().name());
            b.put("benchmark", current.benchmark());
            ObjectNode params = b.putObject("params");
            current.params().forEach(params::put);
            b.put("mode", current.mode());
            b.put("unit", current.unit());
            b.put("direction", r.input().direction() == PerformanceChange.Direction.LOWER_IS_BETTER ? "lower-is-better"
                    : "higher-is-better");
            summary(b.putObject("baseline"), row.baseline());
            summary(b.putObject("current"), row.current());
            b.put("ratio", r.ratio().value());
            interval(b.putArray("ratioCi"), r.ratio().ci());
            b.put("slowdown", r.slowdown().value());
            interval(b.putArray("slowdownCi"), r.slowdown().ci());
            optional(b, "pValue", r.pValue());
            optional(b, "adjustedPValue", r.adjustedPValue());
            b.put("verdict", r.verdict().name());
            if (r.shotsPerSideNeeded().isPresent()) {
                b.put("shotsPerSideNeeded", r.shotsPerSideNeeded().getAsInt());
            } else {
                b.putNull("shotsPerSideNeeded");
            }
            b.put("reason", Sentences.reason(r, report.settings()));
        }
        report.onlyInBaseline().forEach(root.putArray("onlyInBaseline")::add);
        report.onlyInCurrent().forEach(root.putArray("onlyInCurrent")::add);
        return root.toPrettyString() + "\n";
    }

    private static JsonNode tree(Optional<Environment> environment) {
        return environment.isPresent() ? JSON.valueToTree(environment.get()) : JSON.nullNode();
    }

    private static void summary(ObjectNode node, Summary s) {
        node.put("n", s.n());
        node.put("forks", s.forks());
        node.put("median", s.median());
        interval(node.putArray("ci"), s.medianCi());
    }

    private static void interval(ArrayNode node, ConfidenceInterval ci) {
        node.add(ci.lower());
        node.add(ci.upper());
    }

    private static void optional(ObjectNode node, String field, OptionalDouble v) {
        if (v.isPresent()) {
            node.put(field, v.getAsDouble());
        } else {
            node.putNull(field);
        }
    }
}
