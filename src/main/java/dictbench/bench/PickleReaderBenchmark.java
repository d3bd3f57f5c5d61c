package dictbench.bench;

import dictbench.dataset.FormatException;
import dictbench.dataset.PickleFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The two pickle readers side by side, as {@link DecodeBenchmark} times a format: every pickle of the dataset decoded
 * from memory, one after another on one thread, by dictbench's own decoder ({@code reader=dictbench}, the {@code pickle}
 * format) or by Pyrolite's unpickler ({@code reader=razorvine}, {@code net.razorvine:pickle}), which builds whatever a
 * pickle names and so is not what dictbench reads users' files with; it is here to be measured against. Not timed:
 * reading the files into memory, and checking the maps against the manifest.
 *
 * <p>{@code java -jar target/benchmarks.jar PickleReaderBenchmark -p dataset=default -p reader=dictbench,razorvine}
 */
@State(Scope.Benchmark)
public class PickleReaderBenchmark extends ShotBenchmark {

    @Param("smoke")
    public String dataset;

    @Param({"dictbench", "razorvine"})
    public String reader;

    private InMemoryDecode files;

    @Setup(Level.Trial)
    public void readIntoMemory() throws IOException {
        if (!List.of("dictbench", "razorvine").contains(reader)) {
            throw new IllegalArgumentException("reader=" + reader + ": known readers are dictbench and razorvine");
        }
        files = InMemoryDecode.of(dataset, PickleFormat.NAME);
    }

    @Benchmark
    public List<Map<String, String>> decode(ShotCounters counters) throws IOException {
        return files.shot(counters, reader.equals("razorvine") ? PickleReaderBenchmark::razorvine : files.data().format()::decode);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> razorvine(byte[] bytes, String source) throws FormatException {
        try {
            Object o = new Unpickler().loads(bytes);
            if (!(o instanceof Map<?, ?> map)) {
                throw new FormatException(source, 0, "holds a " + (o == null ? "None" : o.getClass().getName()) + ", not a dict");
            }
            return (Map<String, String>) map; // the manifest check below finds any key or value that is not the manifest's
        } catch (PickleException | IOException e) {
            throw new FormatException(source, 0, "Pyrolite's unpickler refused it: " + e.getMessage(), e);
        }
    }

    @TearDown(Level.Iteration)
    public void validateShot() throws IOException {
        files.validateShot();
    }
}
