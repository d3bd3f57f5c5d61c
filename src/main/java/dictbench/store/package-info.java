/**
 * In-file stores, opened instead of loaded: one small interface ({@link dictbench.store.Store}: get a key, scan every
 * entry, the bytes it maps or holds, close) and one class per store, each on the real library a user would use
 * ({@link dictbench.store.SqliteStore} on sqlite-jdbc, {@link dictbench.store.SparkeyStore} on Spotify's sparkey).
 * {@link dictbench.store.StoreKind} builds a store from a map, atomically (temporary names, then renames), and opens it.
 * Plain code, no JMH: the benchmarks adapt it.
 *
 * <p>May import {@code dataset} and {@code os}.
 */
package dictbench.store;
