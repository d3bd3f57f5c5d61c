package dictbench.report;

import dictbench.results.BenchmarkResult;
import dictbench.stats.AmdahlFit;
import dictbench.stats.Estimate;
import dictbench.stats.KarpFlatt;
import dictbench.stats.ScalingPoint;
import dictbench.stats.Speedup;
import dictbench.stats.UslFit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one strategy scales over its threads sweep in one cache state: speedup over sequential,
 * efficiency and the Karp–Flatt serial fraction per thread count, and the Amdahl and USL fits.
 *
 * <p>The fits take relative capacity {@code C(N) = T(1)/T(N)} against the strategy's own one-thread
 * time when the sweep has one (Gunther's normalisation: a subprocess pool at one worker is not the
 * sequential loader), else against sequential. {@link #fitScale()} converts back to speedup over
 * sequential for drawing: {@code speedup(N) = fitScale · C(N)}.
 *
 * @param strategy    the strategy's label, e.g. {@code platform}
 * @param cache       the cache state
 * @param points      one per thread count, ascending
 * @param fitBaseline what the fits are relative to, for the reader
 * @param fitScale    speedup over sequential of the fits' baseline (1 when it is sequential)
 * @param amdahl      empty below {@link AmdahlFit#MIN_POINTS} points or when the fit fails
 * @param usl         empty below {@link UslFit#MIN_POINTS} points or when the fit fails
 */
public record Scaling(String strategy, String cache, List<Point> points, String fitBaseline, double fitScale,
                      Optional<AmdahlFit> amdahl, Optional<UslFit> usl) {

    public Scaling {
        points = List.copyOf(points);
    }

    /**
     * One thread count.
     *
     * @param karpFlatt empty for one thread, where the serial fraction is undefined
     */
    public record Point(int threads, SummaryTable.Row row, Speedup speedup, Optional<Estimate> karpFlatt) {
    }

    /** Every load strategy with a {@code threads} param and a matching sequential run, per cache state. */
    public static List<Scaling> of(SummaryTable table) {
        Map<List<String>, List<Point>> sweeps = new LinkedHashMap<>();
        for (SummaryTable.Row row : table.rows()) {
            BenchmarkResult r = row.result();
            if (!r.isLoad() || r.param("threads").isEmpty() || row.speedup().isEmpty()) {
                continue;
            }
            Speedup s = row.speedup().get();
            sweeps.computeIfAbsent(List.of(r.label(), r.param("cache").orElse("")), k -> new ArrayList<>())
                    .add(new Point(s.threads(), row, s, KarpFlatt.estimate(s)));
        }
        List<Scaling> out = new ArrayList<>();
        sweeps.forEach((key, points) -> {
            points.sort(Comparator.comparingInt(Point::threads));
            Optional<Point> one = points.stream().filter(p -> p.threads() == 1).findFirst();
            double scale = one.map(p -> p.speedup().ratio()).orElse(1.0);
            List<ScalingPoint> capacity = points.stream().map(p -> new ScalingPoint(p.threads(), p.speedup().ratio() / scale)).toList();
            out.add(new Scaling(key.get(0), key.get(1), points,
                    one.isPresent() ? key.get(0) + " at 1 thread" : "sequential", scale,
                    AmdahlFit.fit(capacity), UslFit.fit(capacity)));
        });
        return out;
    }

    /** The fitted Amdahl speedup over sequential at {@code n} threads. */
    public Optional<Double> amdahlSpeedup(double n) {
        return amdahl.map(f -> fitScale * f.predict(n));
    }

    /** The fitted USL speedup over sequential at {@code n} threads. */
    public Optional<Double> uslSpeedup(double n) {
        return usl.map(f -> fitScale * f.predict(n));
    }
}
