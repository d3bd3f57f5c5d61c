package dictbench.report;

import dictbench.results.BenchmarkResult;
import dictbench.run.Catalogue;
import dictbench.run.Counter;
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

    /** One entry per {@code SubprocessLoadBenchmark} configuration in the table. */
    public static List<SubprocessOverhead> of(SummaryTable table) {
        List<SubprocessOverhead> out = new ArrayList<>();
        for (SummaryTable.Row row : table.rows()) {
            BenchmarkResult r = row.result();
            if (!r.is(Catalogue.SUBPROCESS)) {
                continue;
            }
            Optional<SummaryTable.Row> platform = table.find(Catalogue.PLATFORM.baseLabel(), r.param("cache").orElse(""), row.threads());
            Optional<Speedup> ratio = platform.map(p -> Speedup.of(r.primary(), p.result().primary(), row.threads().orElse(1)));
            OptionalDouble poolStart = r.secondaryMedian(Counter.POOL_START_MS);
            out.add(new SubprocessOverhead(row, platform, ratio, decompose(r), r.secondaryMedian(Counter.SHIPPED_MB),
                    poolStart.orElse(0) > 0 ? poolStart : OptionalDouble.empty()));
        }
        return out;
    }

    /** The mean per shot of a component (one of {@link Counter#SUBPROCESS_COMPONENTS}), ms; empty without {@link #components}. */
    public OptionalDouble componentMean(Counter component) {
        return components.flatMap(d -> d.components().stream().filter(c -> c.name().equals(component.key())).findFirst())
                .map(c -> OptionalDouble.of(c.mean())).orElse(OptionalDouble.empty());
    }

    private static Optional<OverheadDecomposition> decompose(BenchmarkResult r) {
        Map<String, Samples> parts = new LinkedHashMap<>();
        for (Counter component : Counter.SUBPROCESS_COMPONENTS) {
            Optional<Samples> s = r.counter(component);
            if (s.isEmpty()) {
                return Optional.empty();
            }
            parts.put(component.key(), s.get());
        }
        try {
            return Optional.of(OverheadDecomposition.of(parts));
        } catch (IllegalArgumentException allZeroOrMisaligned) {
            return Optional.empty();
        }
    }

}
