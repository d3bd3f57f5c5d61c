package dictbench.bench;

import dictbench.load.LoadResult;
import dictbench.load.Strategy;
import dictbench.load.VirtualThreadsStrategy;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Times loading the dataset with one virtual thread per file (or per block with {@code split=true}).
 * There is no thread count: the scheduler runs on {@code availableProcessors} carriers, and blocking
 * file reads pin them (JDK-8329593).
 *
 * <p>{@code java -jar target/benchmarks.jar VirtualThreadsLoadBenchmark -p dataset=default -p split=true,false}
 */
public class VirtualThreadsLoadBenchmark extends LoadBenchmark {

    @Param("false")
    public boolean split;

    @Override
    protected Strategy createStrategy() {
        return new VirtualThreadsStrategy(split);
    }

    @Benchmark
    public LoadResult load(ShotCounters shot, LoadCounters load, MemoryCounters memory) throws IOException {
        return shot(shot, load, memory);
    }
}
