package dictbench.report;

import dictbench.results.BenchmarkResult;
import dictbench.run.Counter;
import dictbench.stats.Bootstrap;
import dictbench.stats.Descriptive;
import dictbench.stats.Estimate;
import dictbench.stats.Samples;
import dictbench.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How close a configuration came to the CPU's limit: the CPU time the whole machine spent busy
 * during each shot (the {@value #BUSY} counter, child JVMs, GC, JIT and the kernel's reading
 * included), what that work would take with every core busy all the time (the CPU floor: busy /
 * cores; no schedule of the same work on this machine is faster), and how busy the cores were,
 * per shot: busy / (shot time × cores). A share near 100% means the shot was bound by the CPU and
 * only less work can make it faster; well under it, the cores waited (for the disk, a pipe, a lock,
 * or the last straggling file).
 *
 * @param row       the configuration
 * @param busy      busy CPU ms per shot: median with its bootstrap CI
 * @param floorMs   median busy / cores, ms; empty where the core count is unknown
 * @param coresBusy per-shot busy / (time × cores): median with its CI; empty where the core count is unknown
 * @param stealMs   median ms per shot the hypervisor stole
 */
public record CpuUse(SummaryTable.Row row, Summary busy, OptionalDouble floorMs, Optional<Estimate> coresBusy, OptionalDouble stealMs) {

    /** One entry per configuration whose every shot has CPU figures (runs before they were recorded have none). */
    public static List<CpuUse> of(SummaryTable table, OptionalInt cores) {
        List<CpuUse> out = new ArrayList<>();
        for (SummaryTable.Row row : table.rows()) {
            BenchmarkResult r = row.result();
            Samples busy = r.counter(Counter.CPU_BUSY_MS).orElse(null);
            if (busy == null || !measured(busy) || !busy.sameShapeAs(r.primary()) || r.millisPerUnit().isEmpty()) {
                continue;
            }
            Summary summary = Summary.of(busy);
            OptionalDouble floor = OptionalDouble.empty();
            Optional<Estimate> coresBusy = Optional.empty();
            if (cores.isPresent()) {
                int n = cores.getAsInt();
                floor = OptionalDouble.of(summary.median() / n);
                Samples share = perShotShare(busy, r.primary(), r.millisPerUnit().get() * n);
                coresBusy = Optional.of(Bootstrap.oneSample(share, Descriptive::median, Bootstrap.Options.defaults()));
            }
            Samples steal = r.counter(Counter.CPU_STEAL_MS).orElse(null);
            OptionalDouble stealMs = steal != null && measured(steal) ? r.secondaryMedian(Counter.CPU_STEAL_MS) : OptionalDouble.empty();
            out.add(new CpuUse(row, summary, floor, coresBusy, stealMs));
        }
        return out;
    }

    /** busy_i / (time_i × {@code millisTimesCores}), shot by shot. */
    private static Samples perShotShare(Samples busy, Samples time, double millisTimesCores) {
        double[][] b = busy.toArrays();
        double[][] t = time.toArrays();
        List<double[]> forks = new ArrayList<>(b.length);
        for (int f = 0; f < b.length; f++) {
            double[] share = new double[b[f].length];
            for (int i = 0; i < share.length; i++) {
                share[i] = b[f][i] / (t[f][i] * millisTimesCores);
            }
            forks.add(share);
        }
        return Samples.ofArrays(forks);
    }

    /** False where a shot says "not measured" (bench.ShotCounters.NOT_MEASURED, negative). */
    private static boolean measured(Samples s) {
        return s.size() > 0 && Descriptive.min(s.all()) >= 0;
    }
}
