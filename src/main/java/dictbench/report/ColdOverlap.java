package dictbench.report;

import dictbench.run.Catalogue;
import dictbench.stats.Speedup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether a cold load hides its reading behind its decoding. A cold configuration cannot beat
 * either of two bounds: its own warm time (the same work without the disk) and the fastest cold raw
 * read (the disk without the work). Its time over the larger of the two is 1.0 when reading and
 * decoding overlap completely, and about 1 + raw read / warm when they add up. Where the run has a
 * cold {@code OverlapBoundBenchmark} at the same thread count, the load is also set against it: the
 * same reading and decoding at once with no decode waiting for a read, which also pays for the CPU
 * time that reading from the disk takes from the decoders.
 *
 * @param cold         the cold load configuration
 * @param warm         the same configuration warm
 * @param rawRead      the fastest cold {@code RawReadBenchmark}
 * @param bound        whichever of {@code warm} and {@code rawRead} has the larger median
 * @param ratio        cold time / bound time with its CI
 * @param overlapBound the cold overlap bound at the configuration's thread count, if measured
 * @param overlapRatio cold time / overlap bound time with its CI, if measured
 */
public record ColdOverlap(SummaryTable.Row cold, SummaryTable.Row warm, SummaryTable.Row rawRead, SummaryTable.Row bound, Speedup ratio,
                          Optional<SummaryTable.Row> overlapBound, Optional<Speedup> overlapRatio) {

    /** One entry per cold load configuration that has a warm twin, when the table has a cold raw read. */
    public static List<ColdOverlap> of(SummaryTable table) {
        Optional<SummaryTable.Row> raw = Limits.fastest(table, "cold", false);
        List<ColdOverlap> out = new ArrayList<>();
        if (raw.isEmpty()) {
            return out;
        }
        for (SummaryTable.Row cold : table.rows()) {
            if (!cold.result().isLoad() || !cold.result().param("cache").orElse("").equals("cold")) {
                continue;
            }
            Map<String, String> twin = new TreeMap<>(cold.result().params());
            twin.put("cache", "warm");
            table.rows().stream()
                    .filter(w -> w.result().className().equals(cold.result().className()) && w.result().params().equals(twin))
                    .findFirst()
                    .ifPresent(warm -> {
                        SummaryTable.Row bound = warm.medianMillis() >= raw.get().medianMillis() ? warm : raw.get();
                        int threads = cold.threads().orElse(1);
                        Speedup ratio = Speedup.of(cold.result().primary(), bound.result().primary(), threads);
                        Optional<SummaryTable.Row> overlap = table.find(Catalogue.OVERLAP_BOUND.baseLabel(), "cold", cold.threads());
                        out.add(new ColdOverlap(cold, warm, raw.get(), bound, ratio, overlap,
                                overlap.map(o -> Speedup.of(cold.result().primary(), o.result().primary(), threads))));
                    });
        }
        return out;
    }
}
