package dictbench.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A known slowdown for calibrating the regression gate (docs/gate.md): when the class
 * path holds the resource {@value #RESOURCE}, every load shot busy-waits after its load for that
 * percentage of the load's own time, so the shot takes exactly that much longer.
 *
 * <p>No build of this project contains the resource: only {@code scripts/calibrate-gate} adds it,
 * to copies of the jar under {@code target/calibration/}. There is no flag or property that turns
 * it on, so a normal run cannot be slowed by accident; a slowed fork says so on stderr.
 */
final class InjectedSlowdown {

    static final String RESOURCE = "META-INF/dictbench/injected-slowdown-percent";

    /** The injected slowdown, percent; 0 in every normal build. */
    static final int PERCENT = read();

    private InjectedSlowdown() {
    }

    /** Busy-waits, after a load that began at {@code startNanos}, for {@link #PERCENT}% of its time. */
    static void after(long startNanos) {
        if (PERCENT != 0) {
            spin(startNanos, PERCENT);
        }
    }

    /** Busy-waits until {@code percent}% of the time since {@code startNanos} has passed again. */
    static void spin(long startNanos, int percent) {
        long now = System.nanoTime();
        long until = now + (now - startNanos) * percent / 100;
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static int read() {
        try (InputStream in = InjectedSlowdown.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return 0;
            }
            int percent = Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
            if (percent < 0 || percent > 1000) {
                throw new IllegalStateException(RESOURCE + " must hold a percentage in [0, 1000], got " + percent);
            }
            System.err.println("CALIBRATION BUILD: every load shot is slowed by " + percent
                    + "% (" + RESOURCE + " is on the class path); do not publish its numbers");
            return percent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
