package dictbench.bench;

import dictbench.load.LoadResult;
import dictbench.load.Strategy;
import dictbench.run.Catalogue;
import dictbench.run.HeapProfile;
import dictbench.run.JvmState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * What every strategy benchmark shares: one shot loads the whole dataset once with the subclass's
 * strategy; after each shot, outside the timed region, every loaded map is checked against the
 * manifest and a mismatch fails the run. With {@code -D}{@value TimelineRecorder#DIR_PROPERTY}{@code =DIR},
 * each measured shot's per-file spans are also written there (see {@link TimelineRecorder}).
 *
 * <p>Two factors name the JVM the shots ran in. {@code heap} is a {@link HeapProfile}: the fork checks
 * that its JVM is the one the profile claims ({@link ForkHeap#verify}); {@code scripts/bench --heap}
 * passes each profile's flags. {@code jvm} is a {@link JvmState}: {@code first-load} forks must time a single
 * shot ({@code -wi 0 -i 1}). After the last measured shot of a fork, outside the timed region, a full collection
 * with the maps still reachable measures the heap they retain ({@link MemoryCounters}).
 */
public abstract class LoadBenchmark extends DatasetBenchmark {

    /** The heap profile the fork's flags make ({@link HeapProfile#key()}); the fork checks it. */
    @Param("sized")
    public String heap;

    /** {@code warmed} (shots after warm-ups) or {@code first-load} (one shot per fresh fork). */
    @Param("warmed")
    public String jvm;

    private Strategy strategy;
    private LoadResult last;
    private MemoryCounters memory;
    private JvmState state;
    private int shotsTimed;
    private int measuredShots;
    private Optional<TimelineRecorder> timelines = Optional.empty();

    /** The strategy this benchmark measures, built from its own params. */
    protected abstract Strategy createStrategy() throws IOException;

    @Override
    protected boolean sizedHeap() {
        return HeapProfile.named(heap) == HeapProfile.SIZED;
    }

    @Override
    protected void onDatasetOpen() throws IOException {
        ForkHeap.verify(HeapProfile.named(heap), data.manifest());
        state = JvmState.named(jvm);
        strategy = createStrategy();
        timelines = TimelineRecorder.fromSystemProperty();
        System.gc(); // the first shot starts from an empty young generation too
    }

    @Setup(Level.Iteration)
    public void checkJvmState() {
        ForkHeap.checkShot(state, shotsTimed);
    }

    /** The timed part: subclasses' @Benchmark methods call this. */
    protected LoadResult shot(ShotCounters shot, LoadCounters load, MemoryCounters memory) throws IOException {
        shot.startShot();
        memory.startShot();
        long start = System.nanoTime();
        last = strategy.load(data.files(), data.format());
        InjectedSlowdown.after(start);
        memory.endShot();
        record(shot);
        load.filesInFlight = last.maxFilesInFlight();
        load.firstMapMs = last.firstMapMillis();
        this.memory = memory;
        return last;
    }

    @TearDown(Level.Iteration)
    public void validateShot(BenchmarkParams benchmark, IterationParams iteration) throws IOException {
        if (last == null) {
            throw new IllegalStateException("the shot produced no result");
        }
        shotsTimed++;
        boolean lastMeasured = iteration.getType() == IterationType.MEASUREMENT && ++measuredShots == iteration.getCount();
        long usedWithMaps = -1;
        try {
            if (lastMeasured) {
                // the maps are still reachable: a full collection now leaves them and what was live before the shot.
                // Once per fork: marking millions of entries takes a second or more, and the maps are the same every shot.
                System.gc();
                usedWithMaps = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            }
            last.validate(data.manifest());
            if (timelines.isPresent() && iteration.getType() == IterationType.MEASUREMENT) {
                // every measured shot overwrites the file, so it keeps the fork's last one
                timelines.get().record(Catalogue.classOf(benchmark.getBenchmark()), params(benchmark), data.files(), last.spans());
            }
        } finally {
            last = null;
            // Every shot starts from an empty young generation, whether or not JMH was given -gc true.
            System.gc();
            if (usedWithMaps >= 0) {
                memory.retained(usedWithMaps, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), data.manifest().totalEntries());
            }
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
