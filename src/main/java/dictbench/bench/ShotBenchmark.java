package dictbench.bench;

import dictbench.os.JvmFlags;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * How every dictbench benchmark is run: one shot per iteration (SingleShotTime, never
 * Level.Invocation), explicit warm-up and measurement counts, and forks that may use FFM and
 * start quietly on JDK 24+. Subclasses inherit these annotations; JMH flags override them.
 *
 * <p>The heap flags are {@link dictbench.load.HeapBudget}'s for the largest built-in dataset, so a
 * plain {@code java -jar target/benchmarks.jar} run does not time young collections; {@code
 * scripts/bench} appends the flags for the dataset it runs, and later flags win. A fork whose young
 * generation is still too small for its dataset says so on stderr (BenchData).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsPrepend = {JvmFlags.NATIVE_ACCESS, JvmFlags.UNSAFE_MEMORY_ACCESS, JvmFlags.OPEN_NIO, JvmFlags.OPEN_NIO_CH,
        "-Xms5888m", "-Xmx5888m", "-Xmn2560m"})
public abstract class ShotBenchmark {

    /** Refuses {@code -f 0}: a benchmark run inside JMH's own JVM is not a measurement. */
    static void requireForks(BenchmarkParams params) {
        if (params.getForks() < 1) {
            throw new IllegalStateException("-f 0 runs the benchmark inside JMH's own JVM, whose flags, heap and warm JIT are not what the "
                    + "params claim: not a measurement; run with -f 1 or more");
        }
    }
}
