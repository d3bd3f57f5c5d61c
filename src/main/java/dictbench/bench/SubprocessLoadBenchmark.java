package dictbench.bench;

import dictbench.dataset.Manifest;
import dictbench.load.LoadResult;
import dictbench.load.Strategy;
import dictbench.load.SubprocessStrategy;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Times loading the dataset in child JVMs that decode each file and ship the map back over a pipe,
 * where the parent decodes it again: Python's multiprocessing answer, with its serialization cost.
 * {@code mode=spawn} starts a child per file inside the shot; {@code mode=pool} starts
 * {@code threads} workers before the trial (that cost is reported as {@code poolStartMs}, not timed).
 * The cost components are secondary metrics.
 *
 * <p>{@code java -jar target/benchmarks.jar SubprocessLoadBenchmark -p dataset=default -p mode=pool -p threads=2}
 */
public class SubprocessLoadBenchmark extends LoadBenchmark {
    /** A child that takes longer than this on one file is killed and the shot fails. */
    static final Duration CHILD_TIMEOUT = Duration.ofMinutes(5);

    @Param("2")
    public int threads;

    @Param({"spawn", "pool"})
    public String mode;

    private SubprocessStrategy subprocess;

    @Override
    protected Strategy createStrategy() throws IOException {
        subprocess = SubprocessStrategy.of(SubprocessStrategy.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), threads, CHILD_TIMEOUT);
        Manifest manifest = data.manifest();
        subprocess.start(manifest.files().stream().mapToLong(Manifest.FileEntry::bytes).max().orElse(0));
        return subprocess;
    }

    @Benchmark
    public LoadResult load(ShotCounters shot, LoadCounters load, MemoryCounters memory, SubprocessCounters costs) throws IOException {
        LoadResult result = shot(shot, load, memory);
        costs.record(result.subprocessCosts().orElseThrow(), subprocess.poolStartNanos());
        return result;
    }
}
