package dictbench.bench;

import dictbench.load.SubprocessCosts;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where a subprocess shot's time went, summed over its files (milliseconds of work, which overlap
 * across children, so they can add up to more than the shot), plus the megabytes shipped back and,
 * for {@code mode=pool}, what starting the workers cost once before the trial. EVENTS counters:
 * JMH drops OPERATIONS counters in SingleShotTime mode. Each field is named after its
 * {@link dictbench.run.Counter}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class SubprocessCounters {
    public double processStartMs;
    public double childDecodeMs;
    public double childEncodeMs;
    public double transferMs;
    public double parentDecodeMs;
    public double shippedMB;
    public double poolStartMs;
    public double childPeakRssMB;

    @Setup(Level.Iteration)
    public void reset() {
        processStartMs = 0;
        childDecodeMs = 0;
        childEncodeMs = 0;
        transferMs = 0;
        parentDecodeMs = 0;
        shippedMB = 0;
        poolStartMs = 0;
        childPeakRssMB = MemoryCounters.NOT_MEASURED;
    }

    /** One shot's costs, summed over its files, and the pool's start (0 for spawn). */
    void record(SubprocessCosts c, long poolStartNanos) {
        processStartMs = millis(c.processStartNanos());
        childDecodeMs = millis(c.childDecodeNanos());
        childEncodeMs = millis(c.childEncodeNanos());
        transferMs = millis(c.transferNanos());
        parentDecodeMs = millis(c.parentDecodeNanos());
        shippedMB = c.bytesShipped() / 1e6;
        poolStartMs = millis(poolStartNanos);
        childPeakRssMB = c.childPeakRssBytes() < 0 ? MemoryCounters.NOT_MEASURED : c.childPeakRssBytes() / 1e6;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
