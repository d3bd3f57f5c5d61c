package dictbench.bench;

import dictbench.os.EachOf;
import dictbench.store.Store;
import dictbench.store.Way;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What the benchmarks of loading upfront against opening a store share: the dataset (its binary files, checked as
 * for the load benchmarks), the way's dictionaries checked once per trial ({@link Way#of}: a store's files against
 * their CRC32C), and the page cache made warm or cold over the files the way reads before each shot. A store is opened
 * afresh for every shot, after the cache is prepared (a mapped store's pages cannot be evicted while it is open); the
 * eager ways load once per trial, since their lookups never touch the files.
 */
@State(Scope.Benchmark)
public abstract class StoreBenchmark extends ShotBenchmark {

    /** A spec name from datasets/; its binary files and its stores must be generated. */
    @Param("smoke")
    public String dataset;

    @Param({CacheState.WARM, CacheState.COLD})
    public String cache;

    protected BenchData data;
    protected Way.Dictionaries dictionaries;
    /** The dictionaries open for the next shot (or loaded for the trial, for an eager way); null when closed. */
    protected List<Store> open;
    private double residentPercent;
    private double megabytes;

    /** The way this benchmark measures, from its params. */
    protected abstract Way way();

    @Setup(Level.Trial)
    public void openDataset(BenchmarkParams params) throws IOException {
        requireForks(params);
        data = BenchData.open(dataset, "binary", true);
        dictionaries = way().of(data.spec(), data.manifest());
        long bytes = 0;
        for (Path f : dictionaries.files()) {
            bytes += Files.size(f);
        }
        megabytes = bytes / 1e6;
        onDatasetOpen();
        if (way().eager() && opensBeforeShots()) {
            open = dictionaries.open();
        }
    }

    /** Trial set-up that needs the dataset, before anything is opened. */
    protected void onDatasetOpen() throws IOException {
    }

    /** Whether the shot needs the dictionaries open already (false: the shot opens them itself). */
    protected boolean opensBeforeShots() {
        return true;
    }

    /** Before each shot: a store is closed, the cache made warm or cold, and the store opened again (if the shot wants it open). */
    @Setup(Level.Iteration)
    public void prepareShot() throws IOException {
        if (!way().eager()) {
            closeStores();
        }
        residentPercent = CacheState.prepare(cache, dictionaries.files());
        if (!way().eager() && opensBeforeShots()) {
            open = dictionaries.open();
            onStoresOpen();
        }
    }

    /** After a store is opened for a shot, outside the timed region. */
    protected void onStoresOpen() throws IOException {
    }

    protected void closeStores() throws IOException {
        if (open != null) {
            List<Store> closing = open;
            open = null;
            EachOf.apply(closing, Store::close);
        }
    }

    /** Fills the counters every shot reports; the last thing in the timed region. */
    protected void record(ShotCounters counters) {
        counters.residentPercent = residentPercent;
        counters.megabytes = megabytes;
        counters.endShot();
    }

    /** Waits for every task and returns their results in order; a task's IOException is thrown as itself. */
    static <T> List<T> results(List<java.util.concurrent.Future<T>> futures, String doing) throws IOException {
        List<T> out = new java.util.ArrayList<>();
        try {
            for (java.util.concurrent.Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + doing, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @TearDown(Level.Trial)
    public void closeAll() throws IOException {
        open = way().eager() ? null : open;
        closeStores();
    }
}
