package dictbench.run;

/** What a benchmark measures: a way of loading the dataset, or a bound that no strategy can beat. */
public enum BenchmarkKind {
    /** A strategy that loads every file into maps: ranked against sequential. */
    LOAD,
    /** A bound (raw read, decode, overlap): charted apart from the strategies. */
    BASELINE
}
