package dictbench.report;

import dictbench.run.Catalogue;
import dictbench.stats.Ceiling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How close the best load strategy of one cache state comes to the machine's ceiling
 * ({@link Ceiling}): the raw-read bound is the fastest {@code RawReadBenchmark} of the same cache
 * state over its thread counts, the decode bound is {@code DecodeBenchmark}'s time divided by the
 * cores {@code environment.json} reports. Times in milliseconds.
 *
 * @param cache   the cache state
 * @param best    the load configuration with the least median time
 * @param rawRead the fastest raw read of that cache state, if measured
 * @param decode  the single-core decode, if measured
 * @param ceiling empty when a bound or the core count is missing; {@link #missing()} says which
 * @param missing what kept the ceiling from being computed, empty when it was
 */
public record Limits(String cache, SummaryTable.Row best, Optional<SummaryTable.Row> rawRead, Optional<SummaryTable.Row> decode,
                     Optional<Ceiling> ceiling, List<String> missing) {

    public Limits {
        missing = List.copyOf(missing);
    }

    /** One entry per cache state that has load results. */
    public static List<Limits> of(SummaryTable table, OptionalInt cores) {
        Optional<SummaryTable.Row> decode = table.rows().stream()
                .filter(r -> r.result().is(Catalogue.DECODE)).min(Comparator.comparingDouble(SummaryTable.Row::medianMillis));
        List<Limits> out = new ArrayList<>();
        for (String cache : table.loadCaches()) {
            SummaryTable.Row best = fastest(table, cache, true).orElseThrow();
            Optional<SummaryTable.Row> raw = fastest(table, cache, false);
            List<String> missing = new ArrayList<>();
            if (raw.isEmpty()) {
                missing.add("no RawReadBenchmark result with cache=" + cache);
            }
            if (decode.isEmpty()) {
                missing.add("no DecodeBenchmark result");
            }
            if (cores.isEmpty()) {
                missing.add("core count unknown (no environment.json)");
            }
            Optional<Ceiling> ceiling = missing.isEmpty()
                    ? Optional.of(new Ceiling(best.medianMillis(), raw.get().medianMillis(), decode.get().medianMillis(), cores.getAsInt()))
                    : Optional.empty();
            out.add(new Limits(cache, best, raw, decode, ceiling, missing));
        }
        return out;
    }

    /** The load ({@code load}) or raw read with the least median time in {@code cache}. */
    static Optional<SummaryTable.Row> fastest(SummaryTable table, String cache, boolean load) {
        return table.rows().stream()
                .filter(r -> load ? r.result().isLoad() : r.result().is(Catalogue.RAW_READ))
                .filter(r -> r.result().param("cache").orElse("").equals(cache))
                .min(Comparator.comparingDouble(SummaryTable.Row::medianMillis));
    }
}
