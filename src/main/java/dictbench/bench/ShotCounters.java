package dictbench.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Facts about each shot, reported by JMH as secondary metrics. EVENTS counters, because JMH drops
 * OPERATIONS counters in SingleShotTime mode; each iteration is one shot, so the sum is the value.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ShotCounters {
    /** Percent of the dataset's pages in the page cache when the shot began (cold shots: ~0). */
    public double residentPercent;
    /** Dataset bytes the shot read, in MB (10^6): megabytes / seconds is the shot's throughput. */
    public double megabytes;

    @Setup(Level.Iteration)
    public void reset() {
        residentPercent = 0;
        megabytes = 0;
    }
}
