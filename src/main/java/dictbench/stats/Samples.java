package dictbench.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * Raw measurements of one benchmark with one set of parameters, as JMH reports them in its JSON
 * {@code rawData}: a list of forks (separate JVMs), each a list of per-iteration sample values.
 * Units are whatever the benchmark measured (for SingleShotTime: seconds per shot); this record does
 * not care, but every method that combines two {@code Samples} assumes both use the same unit.
 *
 * <p>Immutable: the forks are stored as unmodifiable lists, so equality is by value. Statistical code
 * reads them through {@link #toArrays()} / {@link #all()}, which return fresh copies.
 *
 * @param forks at least one fork; every fork non-empty; every value finite
 */
public record Samples(List<List<Double>> forks) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code forks} is null or empty, a fork is null or empty, or
     *     a value is null, NaN or infinite
     */
    public Samples {
        if (forks == null || forks.isEmpty()) {
            throw new IllegalArgumentException("forks: must contain at least 1 fork, got "
                    + (forks == null ? "null" : "0"));
        }
        List<List<Double>> copy = new ArrayList<>(forks.size());
        for (int f = 0; f < forks.size(); f++) {
            List<Double> fork = forks.get(f);
            if (fork == null || fork.isEmpty()) {
                throw new IllegalArgumentException("forks[" + f + "]: must contain at least 1 value, got "
                        + (fork == null ? "null" : "0"));
            }
            for (int i = 0; i < fork.size(); i++) {
                Double v = fork.get(i);
                if (v == null || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("forks[" + f + "][" + i + "]: must be a finite number, got " + v);
                }
            }
            copy.add(List.copyOf(fork));
        }
        forks = List.copyOf(copy);
    }

    /**
     * Builds samples from arrays, one array per fork (the arrays are copied).
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Samples of(double[]... forks) {
        if (forks == null) {
            throw new IllegalArgumentException("forks: must contain at least 1 fork, got null");
        }
        return ofArrays(List.of(forks));
    }

    /**
     * Builds samples from a list of arrays, one array per fork (the arrays are copied).
     *
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static Samples ofArrays(List<double[]> forks) {
        if (forks == null) {
            throw new IllegalArgumentException("forks: must contain at least 1 fork, got null");
        }
        List<List<Double>> lists = new ArrayList<>(forks.size());
        for (int f = 0; f < forks.size(); f++) {
            double[] fork = forks.get(f);
            if (fork == null) {
                throw new IllegalArgumentException("forks[" + f + "]: must contain at least 1 value, got null");
            }
            List<Double> values = new ArrayList<>(fork.length);
            for (double v : fork) {
                values.add(v);
            }
            lists.add(values);
        }
        return new Samples(lists);
    }

    /** Number of forks, at least 1. */
    public int forkCount() {
        return forks.size();
    }

    /** Total number of values over all forks. */
    public int size() {
        int n = 0;
        for (List<Double> fork : forks) {
            n += fork.size();
        }
        return n;
    }

    /** Number of values in each fork, in fork order (a fresh array). */
    public int[] forkSizes() {
        int[] sizes = new int[forks.size()];
        for (int f = 0; f < sizes.length; f++) {
            sizes[f] = forks.get(f).size();
        }
        return sizes;
    }

    /** All values, forks concatenated in order (a fresh array). */
    public double[] all() {
        double[] out = new double[size()];
        int k = 0;
        for (List<Double> fork : forks) {
            for (Double v : fork) {
                out[k++] = v;
            }
        }
        return out;
    }

    /** The values as one fresh array per fork. */
    public double[][] toArrays() {
        double[][] out = new double[forks.size()][];
        for (int f = 0; f < out.length; f++) {
            List<Double> fork = forks.get(f);
            out[f] = new double[fork.size()];
            for (int i = 0; i < out[f].length; i++) {
                out[f][i] = fork.get(i);
            }
        }
        return out;
    }

    /** The median of each fork, in fork order (useful for fork-level tests such as {@link MannWhitney}). */
    public double[] forkMedians() {
        double[][] arrays = toArrays();
        double[] out = new double[arrays.length];
        for (int f = 0; f < out.length; f++) {
            out[f] = Descriptive.median(arrays[f]);
        }
        return out;
    }

    /** True when {@code other} has the same number of forks and the same number of values in each. */
    public boolean sameShapeAs(Samples other) {
        if (other.forks.size() != forks.size()) {
            return false;
        }
        for (int f = 0; f < forks.size(); f++) {
            if (other.forks.get(f).size() != forks.get(f).size()) {
                return false;
            }
        }
        return true;
    }
}
