package dictbench.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shares of the per-shot cost components of a multi-process strategy (e.g. process start, child
 * decode, child encode, transfer, parent decode): {@code share_j = mean_j / Σ_k mean_k},
 * dimensionless, summing to 1, with hierarchical percentile-bootstrap intervals (Efron &amp; Tibshirani
 * 1993; {@link Bootstrap#alignedReplicates}).
 *
 * <p><b>Alignment</b>: the components' {@link Samples} must have the same shape, and value
 * {@code [f][i]} of every component must come from the same shot (fork f, iteration i). The bootstrap
 * resamples <em>shots</em> jointly: one set of (fork, iteration) indices per replicate is applied to
 * all components, so correlations between components within a shot (a slow shot is slow in every
 * phase) are kept and the replicated shares still sum to 1.
 *
 * @param components at least {@link #MIN_COMPONENTS}, in the caller's order, unique names, shares
 *     summing to 1 (within 1e-9)
 */
public record OverheadDecomposition(List<Component> components) {

    /** Minimum number of components (a single component trivially has share 1). */
    public static final int MIN_COMPONENTS = 1;

    /**
     * One component.
     *
     * @param name non-blank
     * @param mean mean per shot, seconds (the samples' unit), finite and >= 0
     * @param share share of the total and its interval, value and bounds in [0, 1]
     */
    public record Component(String name, double mean, Estimate share) {

        /** @throws IllegalArgumentException if a value is outside the range documented above */
        public Component {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("name: must be non-blank, got " + name);
            }
            if (!(mean >= 0) || !Double.isFinite(mean)) {
                throw new IllegalArgumentException("mean: must be finite and >= 0, got " + mean);
            }
            if (share == null || share.value() < 0 || share.value() > 1
                    || share.ci().lower() < 0 || share.ci().upper() > 1) {
                throw new IllegalArgumentException("share: must be non-null with value and interval in [0, 1], got " + share);
            }
        }
    }

    /** @throws IllegalArgumentException if the list is empty, names repeat, or shares do not sum to 1 */
    public OverheadDecomposition {
        if (components == null || components.size() < MIN_COMPONENTS) {
            throw new IllegalArgumentException("components: must contain at least " + MIN_COMPONENTS + " component");
        }
        components = List.copyOf(components);
        Set<String> names = new HashSet<>();
        double sum = 0;
        for (Component c : components) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("components: names must be unique, repeated " + c.name());
            }
            sum += c.share().value();
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException("components: shares must sum to 1, got " + sum);
        }
    }

    /** {@link #of(Map, Bootstrap.Options)} with the default bootstrap. */
    public static OverheadDecomposition of(Map<String, Samples> components) {
        return of(components, Bootstrap.Options.defaults());
    }

    /**
     * Decomposes the total per-shot cost.
     *
     * @param components name → per-shot times, reported in the map's iteration order (pass a
     *     {@link java.util.LinkedHashMap} for insertion order; {@link Map#of} has no fixed order); all the same shape;
     *     all values >= 0; the total mean must be > 0
     * @throws IllegalArgumentException if the map is empty, shapes differ, a value is negative, the
     *     total mean is 0, or a bootstrap replicate has total 0 (every resampled shot free)
     */
    public static OverheadDecomposition of(Map<String, Samples> components, Bootstrap.Options options) {
        if (components == null || components.size() < MIN_COMPONENTS) {
            throw new IllegalArgumentException("components: must contain at least " + MIN_COMPONENTS + " component");
        }
        List<String> names = new ArrayList<>(components.keySet());
        List<Samples> samples = new ArrayList<>(components.values());
        Bootstrap.checkAligned(samples);
        double[][] observed = new double[samples.size()][];
        for (int j = 0; j < observed.length; j++) {
            observed[j] = samples.get(j).all();
            for (double v : observed[j]) {
                if (!(v >= 0)) {
                    throw new IllegalArgumentException("components[" + names.get(j) + "]: times must be >= 0, got " + v);
                }
            }
        }
        double[] means = new double[observed.length];
        for (int j = 0; j < means.length; j++) {
            means[j] = Descriptive.mean(observed[j]);
        }
        double[] shares = shares(means);
        double[][] reps = Bootstrap.alignedReplicates(samples, OverheadDecomposition::sharesOfMeans,
                options.resamples(), options.seed());
        List<Component> out = new ArrayList<>(names.size());
        double[] column = new double[reps.length];
        for (int j = 0; j < names.size(); j++) {
            for (int r = 0; r < reps.length; r++) {
                column[r] = reps[r][j];
            }
            ConfidenceInterval ci = Bootstrap.percentileInterval(column, options.confidence());
            ConfidenceInterval clamped = new ConfidenceInterval(Math.max(0, ci.lower()), Math.min(1, ci.upper()),
                    ci.confidence());
            out.add(new Component(names.get(j), means[j], new Estimate(shares[j], clamped)));
        }
        return new OverheadDecomposition(out);
    }

    /** Sum of the component means, seconds per shot. */
    public double totalMean() {
        double sum = 0;
        for (Component c : components) {
            sum += c.mean();
        }
        return sum;
    }

    private static double[] sharesOfMeans(double[][] resampled) {
        double[] means = new double[resampled.length];
        for (int j = 0; j < means.length; j++) {
            double s = 0;
            for (double v : resampled[j]) {
                s += v;
            }
            means[j] = s / resampled[j].length;
        }
        return shares(means);
    }

    private static double[] shares(double[] means) {
        double total = 0;
        for (double m : means) {
            total += m;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("components: total mean time must be > 0, got " + total);
        }
        double[] out = new double[means.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.min(1.0, means[j] / total);
        }
        return out;
    }
}
