package dictbench.bench;

import dictbench.run.JvmState;
import dictbench.store.KeyBatch;
import dictbench.store.Way;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time to ready for a store: from nothing open to the first lookup answered, on every dictionary of the dataset (open
 * each store, get one key from each). An eager way's time to ready is its load: the load benchmarks. The answers are
 * checked after the shot, and the stores closed, outside the timed region.
 *
 * <p>{@code java -jar target/benchmarks.jar StoreReadyBenchmark -p dataset=default -p store=sqlite,lmdb,sparkey}; an
 * application's first open: {@code -p jvm=first-load -wi 0 -i 1 -f 5}.
 */
public class StoreReadyBenchmark extends StoreBenchmark {

    @Param({"sqlite", "lmdb", "sparkey"})
    public String store;

    /**
     * {@code warmed} (shots after warm-ups) or {@code first-load}: one shot in a fresh fork, an application's first open,
     * which pays for loading the store's library and its code's first, interpreted runs.
     */
    @Param("warmed")
    public String jvm;

    private KeyBatch first;
    private String[] answers;
    private int shotsTimed;

    @Override
    protected Way way() {
        Way way = Way.named(store);
        if (way.eager() || way.cached()) {
            throw new IllegalArgumentException("store=" + store + ": time to ready is measured for a store (sqlite, lmdb, sparkey); "
                    + "an eager way's time to ready is its load (the load benchmarks), and a cache starts empty");
        }
        return way;
    }

    @Override
    protected void onDatasetOpen() throws IOException {
        first = KeyBatch.onePerFile(data.manifest());
    }

    @Override
    protected boolean opensBeforeShots() {
        return false;
    }

    @Setup(Level.Iteration)
    public void checkJvmState() {
        ForkHeap.checkShot(JvmState.named(jvm), shotsTimed);
    }

    @Benchmark
    public String[] ready(ShotCounters shot) throws IOException {
        shot.startShot();
        open = dictionaries.open();
        answers = new String[first.size()];
        for (int i = 0; i < answers.length; i++) {
            answers[i] = open.get(first.files()[i]).get(first.keys()[i]);
        }
        record(shot);
        return answers;
    }

    @TearDown(Level.Iteration)
    public void checkAndClose() throws IOException {
        shotsTimed++;
        try {
            first.check(answers, store);
        } finally {
            closeStores();
        }
    }
}
