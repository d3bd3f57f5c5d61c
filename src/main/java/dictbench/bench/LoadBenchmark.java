package dictbench.bench;
import dictbench.load.LoadResult;
import dictbench.load.Strategy;
import dictbench.run.Catalogue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What every strategy benchmark shares: one shot loads the whole dataset once with the subclass's
 * strategy; after each shot, outside the timed region, every loaded map is checked against the
 * manifest and a mismatch fails the run. With {@code -D}{@value TimelineRecorder#DIR_PROPERTY}{@code =DIR},
 * each measured shot's per-file spans are also written there (see {@link TimelineRecorder}).
 */
public abstract class LoadBenchmark extends DatasetBenchmark {

    private Strategy strategy;
    private LoadResult last;
    private Optional<TimelineRecorder> timelines = Optional.empty();

    /** The strategy this benchmark measures, built from its own params. */
    protected abstract Strategy createStrategy() throws IOException;

    @Override
    protected void onDatasetOpen() throws IOException {
        strategy = createStrategy();
        timelines = TimelineRecorder.fromSystemProperty();
    }

    /** The timed part: subclasses' @Benchmark methods call this. */
    protected LoadResult shot(ShotCounters shot, LoadCounters load) throws IOException {
        shot.startShot();
        long start = System.nanoTime();
        last = strategy.load(data.files(), data.format());
        InjectedSlowdown.after(start);
        record(shot);
        load.filesInFlight = last.maxFilesInFlight();
        return last;
    }

    @TearDown(Level.Iteration)
    public void validateShot(BenchmarkParams benchmark, IterationParams iteration) throws IOException {
        if (last == null) {
            throw new IllegalStateException("the shot produced no result");
        }
        try {
            last.validate(data.manifest());
            if (timelines.isPresent() && iteration.getType() == IterationType.MEASUREMENT) {
                // every measured shot overwrites the file, so it keeps the fork's last one
                timelines.get().record(Catalogue.classOf(benchmark.getBenchmark()), params(benchmark), data.files(), last.spans());
            }
        } finally {
            last = null;
            // Every shot starts from an empty young generation, whether or not JMH was given -gc true.
            System.gc();
        }
    }

    private static Map<String, String> params(BenchmarkParams benchmark) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : benchmark.getParamsKeys()) {
            params.put(key, benchmark.getParam(key));
        }
        return params;
    }

    @TearDown(Level.Trial)
    public void closeStrategy() throws Exception {
        if (strategy != null) {
            strategy.close();
        }
    }
}
