package dictbench.gate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dictbench.format.OutputFormat;
import dictbench.results.BenchmarkResult;
import dictbench.stats.PerformanceChange;
import java.util.Optional;

/**
 * The current run in <a href="https://bencher.dev/docs/reference/bencher-metric-format/">Bencher Metric
 * Format</a> (BMF) JSON, for {@code bencher run --adapter json --file bencher.json}:
 * {@code {"<name>": {"<measure>": {"value", "lower_value", "upper_value"}}}}, one benchmark per entry of
 * the current run, named by {@link Pairing#name}.
 *
 * <ul>
 *   <li>Time modes ({@code ss}, {@code avgt}) go to Bencher's built-in {@code latency}
 *       measure, converted to its unit, nanoseconds.</li>
 *   <li>Throughput ({@code thrpt}) goes to the built-in {@code throughput} measure, converted to its unit,
 *       operations per second.</li>
 *   <li>{@code value} is the median of all shots, {@code lower_value} and {@code upper_value} the ends of its
 *       bootstrap CI at the gate's confidence.</li>
 *   <li>A score in a unit neither measure can take (e.g. a custom one) goes, unconverted, to a measure
 *       named after the unit, which Bencher creates on first use.</li>
 * </ul>
 */
public final class BencherFormat implements OutputFormat<Comparison> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String fileName() {
        return "bencher.json";
    }

    @Override
    public String render(Comparison report) {
        ObjectNode out = JSON.createObjectNode();
        for (Comparison.Tracked t : report.tracked()) {
            BenchmarkResult r = t.result();
            boolean throughput = t.direction() == PerformanceChange.Direction.HIGHER_IS_BETTER;
            Optional<Double> factor = throughput ? opsPerSecondPerUnit(r.unit()) : r.millisPerUnit().map(ms -> ms * 1e6);
            String measure = factor.isEmpty() ? "score " + r.unit() : throughput ? "throughput" : "latency";
            double f = factor.orElse(1.0);
            ObjectNode m = out.putObject(t.name()).putObject(measure);
            m.put("value", t.summary().median() * f);
            m.put("lower_value", t.summary().medianCi().lower() * f);
            m.put("upper_value", t.summary().medianCi().upper() * f);
        }
        return out.toPrettyString() + "\n";
    }

    /** Operations per second in one unit of a JMH throughput score, for the units JMH writes. */
    static Optional<Double> opsPerSecondPerUnit(String unit) {
        return switch (unit) {
            case "ops/s" -> Optional.of(1.0);
            case "ops/ms" -> Optional.of(1e3);
            case "ops/us" -> Optional.of(1e6);
            case "ops/ns" -> Optional.of(1e9);
            case "ops/min" -> Optional.of(1 / 60.0);
            default -> Optional.empty();
        };
    }
}
