package dictbench.bench;

import dictbench.dataset.Format;
import dictbench.load.Threads;
import dictbench.store.Store;
import dictbench.store.Way;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Load-all from a store: what many applications do with SQLite at start-up. One shot opens every store, scans each
 * into a pre-sized {@code HashMap} (one file per task on {@code threads} threads); the maps are checked against the
 * manifest, and the stores closed, after the shot. (Closing is left out of the shot: Sparkey's waits before it unmaps,
 * about 100 ms a file here, which an application pays when it closes, not before its first lookup.)
 *
 * <p>{@code java -jar target/benchmarks.jar StoreLoadAllBenchmark -p dataset=default -p store=sqlite -p threads=2}
 */
public class StoreLoadAllBenchmark extends StoreBenchmark {

    @Param({"sqlite", "lmdb", "sparkey"})
    public String store;

    @Param("2")
    public int threads;

    private ExecutorService pool;
    private List<Map<String, String>> maps;

    @Override
    protected Way way() {
        Way way = Way.named(store);
        if (way.eager() || way.cached()) {
            throw new IllegalArgumentException("store=" + store + ": load-all reads a store (sqlite, lmdb, sparkey) into HashMaps");
        }
        return way;
    }

    @Override
    protected void onDatasetOpen() {
        pool = Threads.prestartedPool(threads, "dictbench-load-all-");
    }

    @Override
    protected boolean opensBeforeShots() {
        return false;
    }

    @Benchmark
    public List<Map<String, String>> loadAll(ShotCounters shot) throws IOException {
        shot.startShot();
        open = dictionaries.open();
        List<Future<Map<String, String>>> futures = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            Store s = open.get(i);
            long entries = data.manifest().files().get(i).entries();
            futures.add(pool.submit(() -> {
                Map<String, String> map = new HashMap<>(Format.hashMapCapacity(entries));
                s.scan(map::put);
                return map;
            }));
        }
        List<Map<String, String>> loaded = results(futures, "loading");
        record(shot);
        maps = loaded;
        return loaded;
    }

    @TearDown(Level.Iteration)
    public void checkMaps() throws IOException {
        List<Map<String, String>> checking = maps;
        maps = null;
        try {
            data.manifest().checkContents(checking);
        } finally {
            closeStores();
        }
    }

    @TearDown(Level.Trial)
    public void stopPool() {
        pool.shutdownNow();
    }
}
