package dictbench.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The CPU bound: times decoding every file of the dataset from memory into maps, one after another
 * on one thread, so megabytes / seconds is the decode rate per core. Not timed: reading the files
 * into memory (once, before the trial), validating the maps against the manifest.
 *
 * <p>{@code java -jar target/benchmarks.jar DecodeBenchmark -p dataset=default -p format=binary,java-serial}
 */
@State(Scope.Benchmark)
public class DecodeBenchmark extends ShotBenchmark {

    @Param("smoke")
    public String dataset;

    @Param("binary")
    public String format;

    private InMemoryDecode files;

    @Setup(Level.Trial)
    public void readIntoMemory() throws IOException {
        files = InMemoryDecode.of(dataset, format);
    }

    @Benchmark
    public List<Map<String, String>> decode(ShotCounters counters) throws IOException {
        return files.shot(counters, files.data().format()::decode);
    }

    @TearDown(Level.Iteration)
    public void validateShot() throws IOException {
        files.validateShot();
    }
}
