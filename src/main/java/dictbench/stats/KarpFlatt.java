package dictbench.stats;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Experimentally determined serial fraction (Karp &amp; Flatt, "Measuring parallel processor
 * performance", CACM 33(5):539-543, 1990):
 * <pre>  e = (1/ψ − 1/p) / (1 − 1/p)</pre>
 * for measured speedup ψ on p &gt; 1 processors. Dimensionless; 0 for linear speedup, 1 for none; it
 * can be negative for superlinear speedup. A value of {@code e} that grows with {@code p} points at
 * parallel overhead rather than an inherently serial part. Undefined for p = 1.
 */
public final class KarpFlatt {

    /** Smallest processor count for which e is defined. */
    public static final int MIN_PROCESSORS = 2;

    private KarpFlatt() {
    }

    /**
     * Serial fraction e for speedup {@code psi} on {@code processors}.
     *
     * @param psi measured speedup, finite and > 0
     * @param processors p, >= 1
     * @return e, or empty when {@code p = 1} (the formula divides by zero)
     * @throws IllegalArgumentException if {@code psi} is not finite and > 0, or {@code processors < 1}
     */
    public static OptionalDouble serialFraction(double psi, int processors) {
        if (!(psi > 0) || !Double.isFinite(psi)) {
            throw new IllegalArgumentException("psi: must be finite and > 0, got " + psi);
        }
        if (processors < 1) {
            throw new IllegalArgumentException("processors: must be >= 1, got " + processors);
        }
        if (processors < MIN_PROCESSORS) {
            return OptionalDouble.empty();
        }
        double invP = 1.0 / processors;
        return OptionalDouble.of((1.0 / psi - invP) / (1.0 - invP));
    }

    /** Serial fraction of a {@link Speedup}, using its ratio and thread count. */
    public static OptionalDouble serialFraction(Speedup speedup) {
        return serialFraction(speedup.ratio(), speedup.threads());
    }

    /**
     * Interval of e mapped from the speedup's percentile interval: e is strictly decreasing in ψ, so the
     * bounds are {@code [e(ψ_upper), e(ψ_lower)]} (percentile intervals respect monotone maps;
     * Efron &amp; Tibshirani 1993, ch. 13). Empty when {@code threads = 1}.
     */
    public static Optional<Estimate> estimate(Speedup speedup) {
        OptionalDouble e = serialFraction(speedup);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        int p = speedup.threads();
        double lo = serialFraction(speedup.ratioCi().upper(), p).orElseThrow();
        double hi = serialFraction(speedup.ratioCi().lower(), p).orElseThrow();
        return Optional.of(new Estimate(e.getAsDouble(), new ConfidenceInterval(lo, hi, speedup.ratioCi().confidence())));
    }
}
