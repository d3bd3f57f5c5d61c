package dictbench.bench;

import java.io.IOException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What every benchmark that reads the dataset from its files shares: one shot per iteration
 * (SingleShotTime, never Level.Invocation); before the trial, the files are checked against the
 * manifest and the heap against the dataset; before each shot, the page cache is made warm or cold.
 */
@State(Scope.Benchmark)
public abstract class DatasetBenchmark extends ShotBenchmark {

    /** A spec name from datasets/ (generate it first: scripts/dictbench generate NAME). */
    @Param("smoke")
    public String dataset;

    @Param("binary")
    public String format;

    @Param({CacheState.WARM, CacheState.COLD})
    public String cache;

    protected BenchData data;
    private double residentPercent;

    @Setup(Level.Trial)
    public void openDataset(BenchmarkParams params) throws IOException {
        requireForks(params);
        data = BenchData.open(dataset, format, sizedHeap());
        onDatasetOpen();
    }

    /** Whether the forks' heap is meant to be sized to a shot (a load benchmark's heap profile may say not). */
    protected boolean sizedHeap() {
        return true;
    }

    /** Trial set-up that needs the dataset (JMH does not order several @Setup methods of one level). */
    protected void onDatasetOpen() throws IOException {
    }

    @Setup(Level.Iteration)
    public void prepareCache() throws IOException {
        residentPercent = CacheState.prepare(cache, data.files());
    }

    /** Fails the shot unless {@code bytes} is every byte of the dataset's files (a baseline that reads them). */
    protected void checkEveryByteRead(long bytes) {
        if (bytes != data.manifest().totalBytes()) {
            throw new IllegalStateException("read " + bytes + " bytes, the dataset has " + data.manifest().totalBytes());
        }
    }

    /** Fills the counters every shot reports; the last thing in the timed region, after {@link ShotCounters#startShot()} the first. */
    protected void record(ShotCounters counters) {
        counters.residentPercent = residentPercent;
        counters.megabytes = data.manifest().totalBytes() / 1e6;
        counters.endShot();
    }
}
