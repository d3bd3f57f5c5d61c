package dictbench.run;

/** What a benchmark measures: a way of loading the dataset, a bound that no strategy can beat, or a store's costs. */
public enum BenchmarkKind {
    /** A strategy that loads every file into maps: ranked against sequential. */
    LOAD,
    /** A bound (raw read, decode, overlap): charted apart from the strategies. */
    BASELINE,
    /** Opening a store instead of loading, and what each way costs afterwards: the stores suite, reported apart. */
    STORE
}
