package dictbench.bench;

import dictbench.load.Threads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The I/O bound: times reading every byte of the dataset's files, {@code threads} files at a time,
 * with no decoding. Its cold time is the floor a cold load cannot beat; bytes / time is the read
 * bandwidth. Not timed: cache preparation, checking that every byte was read.
 *
 * <p>{@code java -jar target/benchmarks.jar RawReadBenchmark -p dataset=default -p cache=cold -p threads=1,2}
 */
public class RawReadBenchmark extends DatasetBenchmark {
    static final int BUFFER_BYTES = 1 << 20;

    @Param("2")
    public int threads;

    private ExecutorService pool;
    private long lastBytes = -1;

    @Override
    protected void onDatasetOpen() {
        pool = Threads.prestartedPool(threads, "dictbench-raw-read-");
    }

    @Benchmark
    public long read(ShotCounters counters) throws IOException, InterruptedException, ExecutionException {
        counters.startShot();
        List<Future<Long>> reads = new ArrayList<>();
        for (Path file : data.files()) {
            reads.add(pool.submit(() -> readFully(file)));
        }
        long total = 0;
        for (Future<Long> r : reads) {
            total += r.get();
        }
        record(counters);
        lastBytes = total;
        return total;
    }

    static long readFully(Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
        long total = 0;
        try (FileChannel ch = FileChannel.open(file)) {
            for (int n; (n = ch.read(buffer.clear())) >= 0; ) {
                total += n;
            }
        }
        return total;
    }

    @TearDown(Level.Iteration)
    public void checkEveryByteWasRead() {
        checkEveryByteRead(lastBytes);
        lastBytes = -1;
    }

    @TearDown(Level.Trial)
    public void closePool() {
        pool.shutdownNow();
    }
}
