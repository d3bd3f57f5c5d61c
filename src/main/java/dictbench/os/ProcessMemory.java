package dictbench.os;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This process's resident memory, from Linux's {@code /proc/self/status} (man 5 proc): the peak resident
 * set {@code VmHWM}, which writing {@code 5} to {@code /proc/self/clear_refs} resets to the current
 * resident set (Linux 4.0+), and the current resident set split into anonymous ({@code RssAnon}: heap,
 * stacks) and file-backed ({@code RssFile}: mapped files, code). As pyperf's {@code _linux_memory.py} does.
 *
 * @param peakBytes     the peak resident set since the last {@link #resetPeak()} (or since the process started)
 * @param anonymousBytes resident anonymous memory now
 * @param fileBytes     resident file-backed memory now
 */
public record ProcessMemory(long peakBytes, long anonymousBytes, long fileBytes) {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    /** Now, or empty where there is no {@code /proc/self/status} (not Linux) or it lacks the fields. */
    public static Optional<ProcessMemory> now() {
        try {
            return parse(Files.readString(STATUS, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Resets the peak ({@code VmHWM}) to the current resident set, so the next {@link #now()} reports the
     * peak since this call; returns false where that is not possible (not Linux, or not allowed).
     */
    public static boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The three fields of a {@code /proc/PID/status} text, in bytes; empty if one is missing. */
    static Optional<ProcessMemory> parse(String status) {
        long peak = -1;
        long anon = -1;
        long file = -1;
        for (String line : status.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                peak = kilobytes(line);
            } else if (line.startsWith("RssAnon:")) {
                anon = kilobytes(line);
            } else if (line.startsWith("RssFile:")) {
                file = kilobytes(line);
            }
        }
        return peak < 0 || anon < 0 || file < 0 ? Optional.empty() : Optional.of(new ProcessMemory(peak, anon, file));
    }

    /** {@code VmHWM:    123456 kB} → 123456 × 1024. */
    private static long kilobytes(String line) {
        String digits = line.substring(line.indexOf(':') + 1).replace("kB", "").strip();
        try {
            return Math.multiplyExact(Long.parseLong(digits), 1024L);
        } catch (NumberFormatException | ArithmeticException e) {
            return -1;
        }
    }
}
