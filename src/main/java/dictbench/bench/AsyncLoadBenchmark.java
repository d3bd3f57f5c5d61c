package dictbench.bench;

import dictbench.load.AsyncStrategy;
import dictbench.load.LoadResult;
import dictbench.load.Strategy;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Times loading the dataset through {@code AsynchronousFileChannel} reads and {@code CompletableFuture} decodes on a
 * pool of {@code threads} platform threads: the seed's "asyncio will not help you at all", on the JVM. Not in the
 * default suite; run it beside platform threads:
 *
 * <p>{@code scripts/bench --only sequential,platform,async} or
 * {@code java -jar target/benchmarks.jar 'AsyncLoadBenchmark|PlatformThreadsLoadBenchmark' -p dataset=default -p threads=1,2}
 */
public class AsyncLoadBenchmark extends LoadBenchmark {

    @Param("2")
    public int threads;

    @Override
    protected Strategy createStrategy() {
        return new AsyncStrategy(threads);
    }

    @Benchmark
    public LoadResult load(ShotCounters shot, LoadCounters load, MemoryCounters memory) throws IOException {
        return shot(shot, load, memory);
    }
}
