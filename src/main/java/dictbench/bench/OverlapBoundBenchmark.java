package dictbench.bench;

import dictbench.load.Threads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The overlap bound: a load that overlapped reading with decoding perfectly, at {@code threads}
 * threads. One shot decodes every file from memory on {@code threads} threads while {@code
 * threads} other threads read the same files (in the shot's cache state, as {@link
 * RawReadBenchmark} does) at the same time, and ends when both are done. It does a load's reading
 * and decoding on the same cores, but no decode ever waits for a read.
 *
 * <p>Cold, with {@code threads} at the core count, this is the floor for a cold load on this
 * machine. It is tighter than max(cold raw read, warm load) wherever reading from the disk costs
 * CPU time (page cache upkeep, copying, the hypervisor's share of the I/O) that the decoders then
 * lack: on a machine whose cores are all busy decoding, that time is added to the load however well
 * the two overlap. With fewer threads than cores the readers run on cores a load with that many
 * threads leaves idle, so the bound is lower than such a load can reach. Not timed: reading the
 * files into memory (once, before the trial), cache preparation, checking every byte was read and
 * every map against the manifest.
 *
 * <p>{@code java -jar target/benchmarks.jar OverlapBoundBenchmark -p dataset=default -p cache=cold -p threads=1,2}
 */
public class OverlapBoundBenchmark extends DatasetBenchmark {

    @Param("2")
    public int threads;

    private byte[][] contents;
    private ExecutorService readers;
    private ExecutorService decoders;
    private List<Map<String, String>> lastMaps;
    private long lastBytes = -1;

    @Override
    protected void onDatasetOpen() throws IOException {
        contents = data.readContents();
        readers = Threads.prestartedPool(threads, "dictbench-bound-read-");
        decoders = Threads.prestartedPool(threads, "dictbench-bound-decode-");
    }

    @Benchmark
    public List<Map<String, String>> bound(ShotCounters counters) throws IOException, InterruptedException, ExecutionException {
        counters.startShot();
        List<Future<Long>> reads = new ArrayList<>();
        for (Path file : data.files()) {
            reads.add(readers.submit(() -> RawReadBenchmark.readFully(file)));
        }
        List<Future<Map<String, String>>> decodes = new ArrayList<>();
        for (int i = 0; i < contents.length; i++) {
            byte[] bytes = contents[i];
            String source = data.files().get(i).toString();
            decodes.add(decoders.submit(() -> data.format().decode(bytes, source)));
        }
        long bytesRead = 0;
        for (Future<Long> r : reads) {
            bytesRead += r.get();
        }
        List<Map<String, String>> maps = new ArrayList<>(decodes.size());
        for (Future<Map<String, String>> d : decodes) {
            maps.add(d.get());
        }
        record(counters);
        lastBytes = bytesRead;
        lastMaps = maps;
        return maps;
    }

    @TearDown(Level.Iteration)
    public void validateShot() throws IOException {
        try {
            checkEveryByteRead(lastBytes);
            data.manifest().checkContents(lastMaps);
        } finally {
            lastMaps = null;
            lastBytes = -1;
            System.gc(); // as LoadBenchmark: every shot starts from an empty young generation
        }
    }

    @TearDown(Level.Trial)
    public void closePools() {
        readers.shutdownNow();
        decoders.shutdownNow();
    }
}
