package dictbench.os;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CPU time the whole machine has spent since boot, from the {@code cpu} line of
 * {@code /proc/stat} (proc(5)): busy is user + nice + system + irq + softirq, every core summed;
 * idle and iowait are left out, and steal (time the hypervisor gave our virtual CPUs to someone else)
 * is kept apart. Machine-wide on purpose: a shot's child JVMs, its GC and JIT threads and the
 * kernel's work of reading its files all count, which a per-process or per-thread clock would miss.
 * The price is that anything else running on the machine counts too, so benchmark on a quiet one.
 *
 * <p>The kernel counts in ticks of {@code USER_HZ} ({@link Libc#clockTicksPerSecond()}, 100 on
 * Linux), so one reading is good to 10 ms per core; a shot's figure is the difference of two readings.
 *
 * @param busyTicks  ticks all cores spent busy since boot
 * @param stealTicks ticks stolen by the hypervisor since boot
 */
public record MachineCpu(long busyTicks, long stealTicks) {
    public static final Path PROC_STAT = Path.of("/proc/stat");
    /** Ticks per second; 0 where libc cannot be reached (not Linux, or no native access). */
    public static final long TICKS_PER_SECOND = Libc.isSupported() ? Libc.get().clockTicksPerSecond() : 0;

    public MachineCpu {
        if (busyTicks < 0 || stealTicks < 0) {
            throw new IllegalArgumentException("ticks must be >= 0, got busy " + busyTicks + ", steal " + stealTicks);
        }
    }

    /** Now; empty where {@code /proc/stat} cannot be read or parsed (not Linux) or the tick length is unknown. */
    public static Optional<MachineCpu> now() {
        if (TICKS_PER_SECOND <= 0) {
            return Optional.empty();
        }
        // Read line by line: /proc files report size 0, which defeats whole-file reads that trust the size.
        try (BufferedReader in = Files.newBufferedReader(PROC_STAT, StandardCharsets.US_ASCII)) {
            return parse(in.readLine());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The totals in {@code /proc/stat}'s first line ({@code cpu  user nice system idle iowait irq
     * softirq steal ...}); empty for anything else, including a kernel too old to count steal.
     */
    public static Optional<MachineCpu> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String[] f = line.trim().split("\\s+");
        if (f.length < 9 || !f[0].equals("cpu")) {
            return Optional.empty();
        }
        try {
            long user = Long.parseLong(f[1]);
            long nice = Long.parseLong(f[2]);
            long system = Long.parseLong(f[3]);
            long irq = Long.parseLong(f[6]);
            long softirq = Long.parseLong(f[7]);
            long steal = Long.parseLong(f[8]);
            long busy = user + nice + system + irq + softirq;
            return busy < 0 || steal < 0 ? Optional.empty() : Optional.of(new MachineCpu(busy, steal));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Busy milliseconds from {@code start} to this reading. */
    public double busyMillisSince(MachineCpu start) {
        return millis(busyTicks - start.busyTicks);
    }

    /** Stolen milliseconds from {@code start} to this reading. */
    public double stealMillisSince(MachineCpu start) {
        return millis(stealTicks - start.stealTicks);
    }

    private static double millis(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }
}
