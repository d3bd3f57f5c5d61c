package dictbench.bench;

import dictbench.os.MachineCpu;
import java.util.Optional;
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
    /** What the CPU counters say where the machine gives no CPU times (not Linux): not measured. */
    static final double NOT_MEASURED = -1; // not public: JMH would take a public field for a counter

    /** Percent of the dataset's pages in the page cache when the shot began (cold shots: ~0). */
    public double residentPercent;
    /** Dataset bytes the shot read, in MB (10^6): megabytes / seconds is the shot's throughput. */
    public double megabytes;
    /**
     * CPU milliseconds the whole machine spent busy during the shot, all cores summed (see
     * {@link MachineCpu}): child JVMs, GC, JIT and the kernel's reading count; {@link #NOT_MEASURED} if unknown.
     */
    public double cpuBusyMs;
    /** CPU milliseconds the hypervisor stole from the machine during the shot; {@link #NOT_MEASURED} if unknown. */
    public double cpuStealMs;

    private Optional<MachineCpu> shotStart = Optional.empty();

    @Setup(Level.Iteration)
    public void reset() {
        residentPercent = 0;
        megabytes = 0;
        cpuBusyMs = NOT_MEASURED;
        cpuStealMs = NOT_MEASURED;
        shotStart = Optional.empty();
    }

    /** Called first thing in the timed region: the machine's CPU clock at the start of the shot. */
    void startShot() {
        shotStart = MachineCpu.now();
    }

    /** Called last thing in the timed region: the CPU the machine spent since {@link #startShot()}. */
    void endShot() {
        Optional<MachineCpu> end = MachineCpu.now();
        // set either way: JMH zeroes the counters after reset(), so an unset one would read as 0 ms, not "not measured"
        boolean measured = shotStart.isPresent() && end.isPresent();
        cpuBusyMs = measured ? end.get().busyMillisSince(shotStart.get()) : NOT_MEASURED;
        cpuStealMs = measured ? end.get().stealMillisSince(shotStart.get()) : NOT_MEASURED;
    }
}
