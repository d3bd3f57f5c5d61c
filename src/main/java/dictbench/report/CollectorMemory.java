package dictbench.report;

import dictbench.results.BenchmarkResult;
import dictbench.results.Results;
import dictbench.run.Counter;
import dictbench.stats.Speedup;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the collector and memory do to each load: per strategy, threads and cache state, in every heap
 * profile and JVM state of a run, the median shot, how it compares with the same configuration in the
 * sized heap warmed (the lower bound), the share of the shot the collector paused the loader, the heap
 * allocated and retained, and the resident memory of the fork and its children. Built from the load
 * results' memory counters ({@code run.Counter.Group.MEMORY}); empty for runs without them.
 *
 * @param row            the configuration's headline row (its group's table)
 * @param profile        its heap profile and JVM state
 * @param againstSized   T(this) / T(the same configuration, heap sized, JVM warmed), with its CI; empty for
 *                       that configuration itself or where it did not run
 * @param gcPauseMs      median collector pause per shot
 * @param gcShare        median pause / median shot
 * @param gcPauses       median pauses per shot
 * @param allocatedMb    median heap allocated per shot, MB
 * @param retainedMb     median heap the maps retained, MB
 * @param bytesPerEntry  retained bytes per loaded entry
 * @param peakRssMb      the fork's median peak resident memory plus, for subprocess loads, the children's, MB
 * @param childPeakRssMb the children's part of it, for subprocess loads
 * @param cpuBusyMs      the machine's median busy CPU per shot: a concurrent collector's work shows here, not in its pauses
 */
public record CollectorMemory(SummaryTable.Row row, Results.Profile profile, Optional<Speedup> againstSized, OptionalDouble gcPauseMs,
                              OptionalDouble gcShare, OptionalDouble gcPauses, OptionalDouble allocatedMb, OptionalDouble retainedMb,
                              OptionalDouble bytesPerEntry, OptionalDouble peakRssMb, OptionalDouble childPeakRssMb, OptionalDouble cpuBusyMs) {

    /** One table per section, its rows from every profile group of one environment, dataset and format. */
    static List<CollectorMemory> of(List<Report.ProfileTable> groups) {
        List<CollectorMemory> out = new ArrayList<>();
        Optional<Report.ProfileTable> sized = groups.stream().filter(g -> g.profile().equals(Results.Profile.SIZED_WARMED)).findFirst();
        for (Report.ProfileTable g : groups) {
            for (SummaryTable.Row row : g.table().rows()) {
                BenchmarkResult r = row.result();
                if (!r.isLoad() || r.counter(Counter.GC_PAUSE_MS).isEmpty()) {
                    continue;
                }
                Optional<Speedup> against = Optional.empty();
                if (!g.profile().equals(Results.Profile.SIZED_WARMED)) {
                    against = sized.flatMap(s -> twin(s.table(), r))
                            .map(twin -> Speedup.of(r.primary(), twin.result().primary(), 1));
                }
                OptionalDouble time = OptionalDouble.of(row.medianMillis());
                OptionalDouble pause = measured(r, Counter.GC_PAUSE_MS);
                OptionalDouble retained = measured(r, Counter.RETAINED_MB);
                OptionalDouble entries = measured(r, Counter.ENTRIES);
                OptionalDouble peak = measured(r, Counter.PEAK_RSS_MB);
                OptionalDouble children = measured(r, Counter.CHILD_PEAK_RSS_MB);
                out.add(new CollectorMemory(row, g.profile(), against, pause,
                        pause.isPresent() && time.getAsDouble() > 0 ? OptionalDouble.of(pause.getAsDouble() / time.getAsDouble()) : OptionalDouble.empty(),
                        measured(r, Counter.GC_COUNT), measured(r, Counter.ALLOCATED_MB), retained,
                        retained.isPresent() && entries.isPresent() && entries.getAsDouble() > 0
                                ? OptionalDouble.of(retained.getAsDouble() * 1e6 / entries.getAsDouble()) : OptionalDouble.empty(),
                        peak.isPresent() ? OptionalDouble.of(peak.getAsDouble() + children.orElse(0)) : OptionalDouble.empty(),
                        children, measured(r, Counter.CPU_BUSY_MS)));
            }
        }
        return out;
    }

    /**
     * The median of a counter over the shots that measured it, empty when none did. A counter left at -1
     * ("not measured") reaches the JSON as 0, so the retained heap and the entries, measured on one shot a fork
     * and never 0 where measured, count only where positive; the other counters where not negative.
     */
    static OptionalDouble measured(BenchmarkResult r, Counter c) {
        boolean oncePerFork = c == Counter.RETAINED_MB || c == Counter.ENTRIES;
        double[] values = r.counter(c).map(s -> java.util.Arrays.stream(s.all()).filter(v -> oncePerFork ? v > 0 : v >= 0).toArray())
                .orElse(new double[0]);
        return values.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(dictbench.stats.Descriptive.median(values));
    }

    /** The row of {@code table} with {@code r}'s benchmark and params but for heap and JVM state. */
    static Optional<SummaryTable.Row> twin(SummaryTable table, BenchmarkResult r) {
        return table.rows().stream().filter(o -> o.result().benchmark().equals(r.benchmark()) && sameBesidesProfile(o.result(), r)).findFirst();
    }

    private static boolean sameBesidesProfile(BenchmarkResult a, BenchmarkResult b) {
        for (String key : List.of("dataset", "format", "cache", "threads", "mode", "split")) {
            if (!Objects.equals(a.param(key), b.param(key))) {
                return false;
            }
        }
        return true;
    }
}
