package dictbench.bench;

import dictbench.load.ForkJoinStrategy;
import dictbench.load.LoadResult;
import dictbench.load.Strategy;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Times loading the dataset on a ForkJoinPool of {@code threads} parallelism with one task per block,
 * so idle workers steal blocks of a big file from busy ones.
 *
 * <p>{@code java -jar target/benchmarks.jar ForkJoinLoadBenchmark -p dataset=skewed -p threads=2}
 */
public class ForkJoinLoadBenchmark extends LoadBenchmark {

    @Param("2")
    public int threads;

    @Override
    protected Strategy createStrategy() {
        return new ForkJoinStrategy(threads);
    }

    @Benchmark
    public LoadResult load(ShotCounters shot, LoadCounters load, MemoryCounters memory) throws IOException {
        return shot(shot, load, memory);
    }
}
