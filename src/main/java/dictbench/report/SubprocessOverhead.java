package dictbench.report;

import dictbench.stats.OverheadDecomposition;
import dictbench.stats.Samples;
import dictbench.stats.Speedup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where a subprocess configuration's time goes, against the in-process platform-thread pool at the
 * same threads and cache state. The components are {@code SubprocessLoadBenchmark}'s secondary
 * metrics, one value per shot (each iteration's {@code rawData} value; JMH's console sums them), in
 * milliseconds of work summed over files: children overlap, so they can add up to more than the shot.
 *
 * @param subprocess  the subprocess configuration
 * @param platform    {@code platform} (not split) at the same threads and cache state, if measured
 * @param timeRatio   subprocess time / platform time with its CI, if the platform run exists
 * @param components  mean per shot and share of each component with CIs; empty if a component is
 *                    missing or every component is zero
 * @param shippedMB   median megabytes shipped back per shot
 * @param poolStartMs median time to start the pool (not part of the shot); empty where none was started (mode=spawn)
 */
public record SubprocessOverhead(SummaryTable.Row subprocess, Optional<SummaryTable.Row> platform, Optional<Speedup> timeRatio,
                                 Optional<OverheadDecomposition> components, OptionalDouble shippedMB, OptionalDouble poolStartMs) {

    /** The cost components, secondary metric names in the order they happen. */
    public static final List<String> COMPONENTS = List.of("processStartMs", "childDecodeMs", "childEncodeMs", "transferMs", "parentDecodeMs");

    /** One entry per {@code SubprocessLoadBenchmark} configuration in the table. */
    public static List<SubprocessOverhead> of(SummaryTable table) {
        List<SubprocessOverhead> out = new ArrayList<>();
        for (SummaryTable.Row row : table.rows()) {
            BenchmarkResult r = row.result();
            if (!r.className().equals("SubprocessLoadBenchmark")) {
                continue;
            }
            Optional<SummaryTable.Row> platform = table.find("platform", r.param("cache").orElse(""), row.threads());
            Optional<Speedup> ratio = platform.map(p -> Speedup.of(r.primary(), p.result().primary(), row.threads().orElse(1)));
            OptionalDouble poolStart = r.secondaryMedian("poolStartMs");
            out.add(new SubprocessOverhead(row, platform, ratio, decompose(r), r.secondaryMedian("shippedMB"),
                    poolStart.orElse(0) > 0 ? poolStart : OptionalDouble.empty()));
        }
        return out;
    }

    /** The mean per shot of component {@code name} (one of {@link #COMPONENTS}), ms; empty without {@link #components}. */
    public OptionalDouble componentMean(String name) {
        return components.flatMap(d -> d.components().stream().filter(c -> c.name().equals(name)).findFirst())
                .map(c -> OptionalDouble.of(c.mean())).orElse(OptionalDouble.empty());
    }

    private static Optional<OverheadDecomposition> decompose(BenchmarkResult r) {
        Map<String, Samples> parts = new LinkedHashMap<>();
        for (String name : COMPONENTS) {
            Samples s = r.secondary().get(name);
            if (s == null) {
                return Optional.empty();
            }
            parts.put(name, s);
        }
        try {
            return Optional.of(OverheadDecomposition.of(parts));
        } catch (IllegalArgumentException allZeroOrMisaligned) {
            return Optional.empty();
        }
    }

}
