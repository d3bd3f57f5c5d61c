package dictbench.bench;

import dictbench.load.Threads;
import dictbench.store.KeyBatch;
import dictbench.store.Store;
import dictbench.store.Way;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Lookups: one shot answers a fixed, deterministic batch of {@code batch} keys ({@link KeyBatch}: {@code keys} uniform
 * or Zipf, {@code misses} percent of them misses) on {@code threads} threads, each a contiguous share of the batch, for
 * a way: the loaded {@code HashMap}s or compact maps, a store, or a store behind a cache that starts empty every shot
 * (the hybrid). Per lookup, the shot's time over {@code batch}. Every answer is checked after the shot.
 *
 * <p>Each pool thread makes its store reader (a JDBC connection, an LMDB read transaction) with one lookup of a miss
 * before the shot, outside the timed region: a reader is opened once, lookups are what repeats. After the last measured
 * shot of a fork, a full collection gives the heap the dictionaries hold ({@link MemoryCounters#retainedMB}); every shot
 * ends with the fork's anonymous and file-backed resident memory, which is where a mapped store's pages show.
 *
 * <p>{@code java -jar target/benchmarks.jar StoreLookupBenchmark -p dataset=default -p way=hashmap,lmdb -p threads=1,2}
 */
public class StoreLookupBenchmark extends StoreBenchmark {
    static final long SEED = 0x5EEDL;
    /** What the answers hold before a shot: no store returns it, so a lookup left out fails the check. */
    private static final String UNANSWERED = "\u0000(not answered)";

    @Param({"hashmap", "compact", "sqlite", "lmdb", "sparkey", "sparkey+cache"})
    public String way;

    @Param("1")
    public int threads;

    @Param("uniform")
    public String keys;

    @Param("10")
    public int misses;

    @Param("20000")
    public int batch;

    private KeyBatch lookups;
    private ExecutorService pool;
    private String[] answered;
    private boolean shotRan;
    private long heapBefore;
    private MemoryCounters memory;
    private int measuredShots;

    @Override
    protected Way way() {
        return Way.named(way);
    }

    @Override
    protected void onDatasetOpen() throws IOException {
        lookups = KeyBatch.draw(data.manifest(), batch, misses, KeyBatch.Distribution.named(keys), SEED);
        answered = new String[lookups.size()]; // reused: no array of the batch's size allocated in the timed region
        Arrays.fill(answered, UNANSWERED);
        pool = Threads.prestartedPool(threads, "dictbench-lookup-");
        System.gc();
        heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Override
    protected void onStoresOpen() throws IOException {
        CyclicBarrier all = new CyclicBarrier(threads);
        String miss = lookups.keys()[0] + "\u0000prime";
        run(t -> {
            all.await(); // every pool thread takes one of these, so each makes its reader
            return open.getFirst().get(miss);
        });
    }

    @Benchmark
    public String[] lookups(ShotCounters shot, MemoryCounters memory) throws IOException {
        shot.startShot();
        memory.startShot();
        String[] answers = answered;
        List<Store> dictionaries = open;
        int[] files = lookups.files();
        String[] asked = lookups.keys();
        run(t -> {
            int from = (int) ((long) asked.length * t / threads);
            int to = (int) ((long) asked.length * (t + 1) / threads);
            for (int i = from; i < to; i++) {
                answers[i] = dictionaries.get(files[i]).get(asked[i]);
            }
            return null;
        });
        memory.endShot();
        record(shot);
        shotRan = true;
        this.memory = memory;
        return answers;
    }

    @TearDown(Level.Iteration)
    public void checkAnswers(IterationParams iteration) {
        if (!shotRan) {
            throw new IllegalStateException("the shot produced no answers");
        }
        shotRan = false;
        lookups.check(answered, way);
        Arrays.fill(answered, UNANSWERED); // a lookup the next shot skips cannot pass on this shot's answer
        if (iteration.getType() == IterationType.MEASUREMENT && ++measuredShots == iteration.getCount()) {
            System.gc(); // the dictionaries are open: what the heap holds beyond the fork's before they were
            memory.retained(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), heapBefore, data.manifest().totalEntries());
        }
    }

    @TearDown(Level.Trial)
    public void stopPool() {
        pool.shutdownNow();
    }

    private interface Share {
        String run(int thread) throws IOException, InterruptedException, BrokenBarrierException;
    }

    /** Runs {@code share} for thread indexes 0..threads-1 on the pool and waits for all; the first failure is thrown. */
    private void run(Share share) throws IOException {
        List<Future<String>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> share.run(thread)));
        }
        results(futures, "looking up");
    }
}
