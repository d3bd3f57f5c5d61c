package dictbench.stats;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * {@code k} events in {@code n} trials, e.g. false alarms in A/A comparisons, with the exact
 * (Clopper–Pearson) interval for the underlying rate.
 *
 * @param k events, {@code 0 <= k <= n}
 * @param n trials, {@code n >= 0}
 */
public record Proportion(int k, int n) {

    /** @throws IllegalArgumentException if {@code n < 0} or {@code k} is outside {@code [0, n]} */
    public Proportion {
        if (n < 0) {
            throw new IllegalArgumentException("n: must be >= 0, got " + n);
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k: must be in [0, " + n + "], got " + k);
        }
    }

    /** {@code k / n}; NaN when {@code n == 0}. */
    public double rate() {
        return n == 0 ? Double.NaN : (double) k / n;
    }

    /**
     * The Clopper–Pearson interval at {@code confidence}: never narrower than the exact binomial
     * interval, so its coverage is at least nominal. {@code [0, 1]} when {@code n == 0}.
     */
    public ConfidenceInterval clopperPearson(double confidence) {
        ConfidenceInterval.checkConfidence(confidence);
        if (n == 0) {
            return new ConfidenceInterval(0, 1, confidence);
        }
        double tail = (1 - confidence) / 2;
        double lower = k == 0 ? 0 : new BetaDistribution(k, n - k + 1).inverseCumulativeProbability(tail);
        double upper = k == n ? 1 : new BetaDistribution(k + 1, n - k).inverseCumulativeProbability(1 - tail);
        return new ConfidenceInterval(lower, upper, confidence);
    }
}
