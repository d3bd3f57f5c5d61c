package dictbench.bench;

import dictbench.load.LoadResult;
import dictbench.load.SequentialStrategy;
import dictbench.load.Strategy;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Times loading every file of the dataset one after another on one thread: the baseline of every
 * speedup. Not timed: dataset checks, cache preparation, validation of the maps.
 *
 * <p>{@code java -jar target/benchmarks.jar SequentialLoadBenchmark -p dataset=default -p cache=cold}
 */
public class SequentialLoadBenchmark extends LoadBenchmark {

    @Override
    protected Strategy createStrategy() {
        return new SequentialStrategy();
    }

    @Benchmark
    public LoadResult load(ShotCounters shot, LoadCounters load, MemoryCounters memory) throws IOException {
        return shot(shot, load, memory);
    }
}
