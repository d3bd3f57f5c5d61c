package dictbench.report;

import dictbench.results.BenchmarkResult;
import dictbench.run.Catalogue;
import dictbench.run.Counter;
import dictbench.results.Results;
import dictbench.stats.Bootstrap;
import dictbench.stats.Descriptive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Loading upfront against opening a store, from one environment's results of the stores suite: per heap profile and
 * JVM state, cache state and way, the time to ready (a store's open and first lookup; an eager way's fastest load of its
 * format in the same profile), the cost per lookup, scan and load-all, and the memory it holds; and the break-even between each store and each
 * eager way. The time to answer N lookups from a standing start is {@code ready + N × lookup}; eager loading wins from
 * {@code N* = (load − ready_store) / (lookup_store − lookup_eager)} lookups on (0 when the load is sooner ready; never when
 * the store's lookups are no slower). Its interval resamples the four samples independently (hierarchical bootstrap, the
 * report's B and confidence) and takes percentiles of N*.
 */
record StoreCosts(Results.Profile profile, String cache, List<Way> ways, List<BreakEven> breakEvens) {
    /** The eager ways and the format whose loads are their time to ready. */
    static final List<String[]> EAGER = List.of(new String[] {"hashmap", "binary"}, new String[] {"compact", "compact"});

    /**
     * One way's costs in one cache state; times in ms, lookups in ns per lookup; empty where not measured.
     *
     * @param readyBy the load strategy whose time is an eager way's time to ready, or "open + 1 get" for a store
     */
    record Way(String way, boolean eager, Optional<BenchmarkResult> ready, String readyBy, Optional<BenchmarkResult> lookup1,
               Optional<BenchmarkResult> lookup2, Optional<BenchmarkResult> zipf, Optional<BenchmarkResult> scan,
               Optional<BenchmarkResult> loadAll) {

        /** Nanoseconds per lookup of a lookup result: its shot time over its batch. */
        static OptionalDouble nanosPerLookup(Optional<BenchmarkResult> r) {
            return r.map(x -> OptionalDouble.of(medianMillis(x) * 1e6 / batch(x))).orElse(OptionalDouble.empty());
        }

        /** A counter of the uniform single-thread lookups (the ways' memory once open), where measured. */
        OptionalDouble memory(Counter c) {
            return lookup1.map(r -> CollectorMemory.measured(r, c)).orElse(OptionalDouble.empty());
        }
    }

    /**
     * When eager loading pays for itself against a store.
     *
     * @param lookups N* with its interval; {@link Double#POSITIVE_INFINITY} where the store never loses
     */
    record BreakEven(String store, String eager, double lookups, double low, double high) {
    }

    static int batch(BenchmarkResult r) {
        return Integer.parseInt(r.param("batch").orElse("1"));
    }

    /** The batch of a lookup result, 1 for any other (a per-shot time). */
    static int batchOrOne(BenchmarkResult r) {
        return r.is(Catalogue.LOOKUPS) ? batch(r) : 1;
    }

    /**
     * The analysis per heap profile and JVM state (sized and warmed first) and cache state, for the results of one
     * environment (empty without store results). A profile without store results (the loads in the default heap) has
     * only its eager ways.
     */
    static List<StoreCosts> of(List<BenchmarkResult> results, Bootstrap.Options options) {
        if (results.stream().noneMatch(BenchmarkResult::isStore)) {
            return List.of();
        }
        Set<Results.Profile> profiles = new LinkedHashSet<>();
        profiles.add(Results.Profile.SIZED_WARMED);
        results.stream().filter(r -> r.isStore() || r.isLoad()).map(Results.Profile::of).forEach(profiles::add);
        List<StoreCosts> out = new ArrayList<>();
        for (Results.Profile profile : profiles) {
            List<BenchmarkResult> mine = results.stream().filter(r -> (r.isStore() || r.isLoad()) && Results.Profile.of(r).equals(profile)).toList();
            Set<String> caches = new LinkedHashSet<>();
            mine.forEach(r -> caches.add(r.param("cache").orElse("")));
            for (String cache : caches) {
                StoreCosts c = of(profile, cache, mine, options);
                if (c.ways().stream().anyMatch(w -> w.ready().isPresent())) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static StoreCosts of(Results.Profile profile, String cache, List<BenchmarkResult> results, Bootstrap.Options options) {
        List<BenchmarkResult> stores = results.stream().filter(BenchmarkResult::isStore).toList();
        List<Way> ways = new ArrayList<>();
        for (String[] eager : EAGER) {
            Optional<BenchmarkResult> load = results.stream().filter(BenchmarkResult::isLoad)
                    .filter(r -> r.param("format").orElse("").equals(eager[1]) && r.param("cache").orElse("").equals(cache))
                    .min(Comparator.comparingDouble(StoreCosts::medianMillis));
            ways.add(way(stores, eager[0], true, cache, load, load.map(l -> l.label() + l.param("threads").map(t -> "-" + t).orElse(""))
                    .orElse("no load measured")));
        }
        List<String> storeNames = stores.stream().filter(r -> r.param("store").isPresent() || r.param("way").isPresent())
                .map(r -> r.param("store").or(() -> r.param("way")).orElseThrow())
                .filter(w -> EAGER.stream().noneMatch(e -> e[0].equals(w))).distinct().sorted(Comparator.comparing(StoreCosts::storeOrder)).toList();
        for (String store : storeNames) {
            // a cached store starts with an empty cache: it is ready when its store is
            Optional<BenchmarkResult> ready = find(stores, Catalogue.STORE_READY, "store", store.replace("+cache", ""), cache, null, null);
            ways.add(way(stores, store, false, cache, ready, ready.isPresent() ? "open + 1 get" : "not measured"));
        }
        List<BreakEven> breakEvens = new ArrayList<>();
        for (Way store : ways) {
            for (Way eager : ways) {
                if (!store.eager() && eager.eager() && !store.way().contains("+") && store.ready().isPresent() && eager.ready().isPresent()
                        && store.lookup1().isPresent() && eager.lookup1().isPresent()) {
                    breakEvens.add(breakEven(store, eager, options));
                }
            }
        }
        return new StoreCosts(profile, cache, ways, breakEvens);
    }

    /** {@code heap sized · JVM warmed · warm}: where this analysis's figures come from. */
    String describe() {
        return profile.describe() + " · " + cache;
    }

    /** Stores in the order the suite lists them: sqlite, lmdb, sparkey, then their cached forms. */
    private static int storeOrder(String way) {
        int base = Arrays.asList("sqlite", "lmdb", "sparkey").indexOf(way.replace("+cache", ""));
        return (way.contains("+") ? 10 : 0) + (base < 0 ? 9 : base);
    }

    private static Way way(List<BenchmarkResult> stores, String way, boolean eager, String cache, Optional<BenchmarkResult> ready, String readyBy) {
        return new Way(way, eager, ready, readyBy,
                find(stores, Catalogue.LOOKUPS, "way", way, cache, "uniform", "1"),
                find(stores, Catalogue.LOOKUPS, "way", way, cache, "uniform", "2"),
                find(stores, Catalogue.LOOKUPS, "way", way, cache, "zipf", "1"),
                find(stores, Catalogue.SCAN, "way", way, cache, null, null),
                find(stores, Catalogue.LOAD_ALL, "store", way, cache, null, null));
    }

    private static Optional<BenchmarkResult> find(List<BenchmarkResult> results, Catalogue entry, String param, String value, String cache,
                                                  String keys, String threads) {
        return results.stream().filter(r -> r.is(entry) && r.param(param).orElse("").equals(value) && r.param("cache").orElse("").equals(cache))
                .filter(r -> keys == null || r.param("keys").orElse("").equals(keys))
                .filter(r -> threads == null || r.param("threads").orElse("").equals(threads))
                .findFirst();
    }

    /** N* for one store against one eager way, with its bootstrap interval. */
    static BreakEven breakEven(Way store, Way eager, Bootstrap.Options options) {
        BenchmarkResult load = eager.ready().orElseThrow();
        BenchmarkResult open = store.ready().orElseThrow();
        BenchmarkResult storeLookups = store.lookup1().orElseThrow();
        BenchmarkResult eagerLookups = eager.lookup1().orElseThrow();
        double point = nStar(medianMillis(load), medianMillis(open), medianMillis(storeLookups) / batch(storeLookups),
                medianMillis(eagerLookups) / batch(eagerLookups));
        int b = options.resamples();
        double[] l = Bootstrap.replicates(load.primary(), Descriptive::median, b, options.seed());
        double[] o = Bootstrap.replicates(open.primary(), Descriptive::median, b, options.seed() + 1);
        double[] s = Bootstrap.replicates(storeLookups.primary(), Descriptive::median, b, options.seed() + 2);
        double[] e = Bootstrap.replicates(eagerLookups.primary(), Descriptive::median, b, options.seed() + 3);
        double[] n = new double[b];
        for (int i = 0; i < b; i++) {
            n[i] = nStar(millis(load, l[i]), millis(open, o[i]), millis(storeLookups, s[i]) / batch(storeLookups),
                    millis(eagerLookups, e[i]) / batch(eagerLookups));
        }
        Arrays.sort(n);
        double tail = (1 - options.confidence()) / 2;
        return new BreakEven(store.way(), eager.way(), point, n[(int) Math.floor(tail * (b - 1))], n[(int) Math.ceil((1 - tail) * (b - 1))]);
    }

    /** Lookups after which the eager way has answered sooner: 0 when it is ready first, infinite when the store's lookups are no slower. */
    static double nStar(double loadMillis, double openMillis, double storeLookupMillis, double eagerLookupMillis) {
        if (loadMillis <= openMillis) {
            return 0;
        }
        if (storeLookupMillis <= eagerLookupMillis) {
            return Double.POSITIVE_INFINITY;
        }
        return (loadMillis - openMillis) / (storeLookupMillis - eagerLookupMillis);
    }

    /** A result's median shot, in ms (no bootstrap: the tables' cells carry the intervals). */
    static double medianMillis(BenchmarkResult r) {
        return millis(r, Descriptive.median(r.primary().all()));
    }

    /** The entries the lookups' dictionaries held (the counter their last measured shot records), 0 if none did. */
    static long entries(List<BenchmarkResult> results) {
        return results.stream().filter(BenchmarkResult::isStore).flatMap(r -> r.counter(Counter.ENTRIES).stream())
                .mapToLong(c -> (long) Arrays.stream(c.all()).max().orElse(0)).max().orElse(0);
    }

    /** The way of {@code c} that is ready first among the eager ways ({@code eager}) or the plain stores; empty if none was timed. */
    static Optional<Way> readyFirst(StoreCosts c, boolean eager) {
        return c.ways().stream().filter(w -> w.eager() == eager && !w.way().contains("+") && w.ready().isPresent())
                .min(Comparator.comparingDouble(w -> medianMillis(w.ready().get())));
    }

    private static double millis(BenchmarkResult r, double value) {
        return value * r.millisPerUnit().orElse(1.0);
    }

    /** N* as a cell: a count, 0, or "never". */
    static String lookups(double n) {
        if (Double.isInfinite(n)) {
            return "never";
        }
        return n >= 1e6 ? String.format(java.util.Locale.ROOT, "%.3g", n) : String.format(java.util.Locale.ROOT, "%,.0f", n);
    }
}
