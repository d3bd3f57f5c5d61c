package dictbench.bench;

import dictbench.load.LoadResult;
import dictbench.load.Strategy;
import java.io.IOException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What every strategy benchmark shares: one shot loads the whole dataset once with the subclass's
 * strategy; after each shot, outside the timed region, every loaded map is checked against the
 * manifest and a mismatch fails the run.
 */
public abstract class LoadBenchmark extends DatasetBenchmark {

    private Strategy strategy;
    private LoadResult last;

    /** The strategy this benchmark measures, built from its own params. */
    protected abstract Strategy createStrategy() throws IOException;

    @Override
    protected void onDatasetOpen() throws IOException {
        strategy = createStrategy();
    }

    /** The timed part: subclasses' @Benchmark methods call this. */
    protected LoadResult shot(ShotCounters shot, LoadCounters load) throws IOException {
        last = strategy.load(data.files(), data.format());
        record(shot);
        load.filesInFlight = last.maxFilesInFlight();
        return last;
    }

    protected Strategy strategy() {
        return strategy;
    }

    @TearDown(Level.Iteration)
    public void validateShot() throws IOException {
        if (last == null) {
            throw new IllegalStateException("the shot produced no result");
        }
        try {
            last.validate(data.manifest());
        } finally {
            last = null;
            // Every shot starts from an empty young generation, whether or not JMH was given -gc true.
            System.gc();
        }
    }

    @TearDown(Level.Trial)
    public void closeStrategy() throws Exception {
        if (strategy != null) {
            strategy.close();
        }
    }
}
