package dictbench.bench;

import dictbench.load.LoadResult;
import dictbench.load.PlatformThreadsStrategy;
import dictbench.load.Strategy;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Times loading the dataset on a fixed pool of {@code threads} platform threads, one task per file
 * (or per block with {@code split=true}). The pool is built before the trial, not in the shot.
 *
 * <p>{@code java -jar target/benchmarks.jar PlatformThreadsLoadBenchmark -p dataset=default -p threads=1,2,4}
 */
public class PlatformThreadsLoadBenchmark extends LoadBenchmark {

    @Param("2")
    public int threads;

    @Param("false")
    public boolean split;

    @Override
    protected Strategy createStrategy() {
        return new PlatformThreadsStrategy(threads, split);
    }

    @Benchmark
    public LoadResult load(ShotCounters shot, LoadCounters load, MemoryCounters memory) throws IOException {
        return shot(shot, load, memory);
    }
}
