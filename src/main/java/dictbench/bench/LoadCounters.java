package dictbench.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Per-shot facts of a strategy's load (EVENTS counters, one shot per iteration; see {@link ShotCounters}). */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class LoadCounters {
    /** Largest number of files whose loads overlapped in time: evidence of real concurrency. */
    public double filesInFlight;

    /** When the first map was complete, ms from the load's start. */
    public double firstMapMs;

    @Setup(Level.Iteration)
    public void reset() {
        filesInFlight = 0;
        firstMapMs = 0;
    }
}
