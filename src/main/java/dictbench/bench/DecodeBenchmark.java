package dictbench.bench;

import java.io.IOException;
import java.util.ArrayList;
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

    private BenchData data;
    private byte[][] contents;
    private List<Map<String, String>> last;

    @Setup(Level.Trial)
    public void readIntoMemory() throws IOException {
        data = BenchData.open(dataset, format);
        contents = data.readContents();
    }

    @Benchmark
    public List<Map<String, String>> decode(ShotCounters counters) throws IOException {
        counters.startShot();
        List<Map<String, String>> maps = new ArrayList<>(contents.length);
        for (int i = 0; i < contents.length; i++) {
            maps.add(data.format().decode(contents[i], data.files().get(i).toString()));
        }
        counters.megabytes = data.manifest().totalBytes() / 1e6;
        counters.residentPercent = 100; // decoded from memory
        counters.endShot();
        last = maps;
        return maps;
    }

    @TearDown(Level.Iteration)
    public void validateShot() throws IOException {
        try {
            data.manifest().checkContents(last);
        } finally {
            last = null;
            System.gc(); // as LoadBenchmark: every shot starts from an empty young generation
        }
    }
}
