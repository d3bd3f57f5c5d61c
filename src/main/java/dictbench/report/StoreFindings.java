package dictbench.report;

import dictbench.format.Cells;
import dictbench.format.Svg;
import dictbench.format.Table;
import dictbench.results.BenchmarkResult;
import dictbench.results.Results;
import dictbench.run.Counter;
import dictbench.stats.ConfidenceInterval;
import dictbench.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The tables, chart and findings of "Loading upfront against opening a store" ({@link StoreCosts}). */
final class StoreFindings {
    static final String METHOD = "Each table names the JVM its figures come from: heap sized (a young generation that holds a whole load) "
            + "or default (the JVM's own sizing), and JVM warmed (after warm-up shots) or first-load (one shot in each of several fresh "
            + "JVMs: an application's first open of a store, or its first load). Time to ready: a store's open and one lookup per "
            + "dictionary; an eager way's fastest load of its format in the same run. Lookups: a fixed batch of keys (10% misses), "
            + "ns per lookup = shot time / batch, on 1 and 2 threads, uniform (distinct keys) or Zipf (s = 1, repeated hot keys; "
            + "a +cache way starts every shot with an empty cache). Heap: what the open dictionaries hold after a full collection; "
            + "anonymous and file-backed resident memory at the end of a lookup shot (a mapped store's pages are file-backed). "
            + "Break-even N*: the lookups after which loading upfront has answered sooner, (load − ready) / (lookup_store − lookup_eager), "
            + "with a 99% bootstrap interval. Method: docs/method.md, section Stores.";
    /** The lookup counts the chart spans, as powers of ten. */
    static final int CHART_MIN_EXPONENT = 0;
    static final int CHART_MAX_EXPONENT = 9;

    private StoreFindings() {
    }

    static Table table(StoreCosts c, String where) {
        List<List<String>> rows = new ArrayList<>();
        for (StoreCosts.Way w : c.ways()) {
            rows.add(List.of(w.way(), w.readyBy(), ms(w.ready()), ns(w.lookup1()), ns(w.lookup2()), ns(w.zipf()), ms(w.scan()), ms(w.loadAll()),
                    mb(w.memory(Counter.RETAINED_MB)), mb(w.memory(Counter.RSS_ANON_MB)), mb(w.memory(Counter.RSS_FILE_MB))));
        }
        return Table.of("Stores — " + where + " · " + c.describe(), List.of("way", "ready by", "time to ready [99% CI]",
                "lookup, 1 thread, uniform [ns]", "lookup, 2 threads, uniform [ns]", "lookup, 1 thread, Zipf [ns]", "full scan",
                "load-all into HashMaps", "heap held [MB]", "anon RSS [MB]", "file RSS [MB]"), 2, rows, List.of());
    }

    static Table breakEvenTable(StoreCosts c, String where) {
        List<List<String>> rows = new ArrayList<>();
        for (StoreCosts.BreakEven b : c.breakEvens()) {
            rows.add(List.of(b.store(), b.eager(), StoreCosts.lookups(b.lookups()) + " [" + StoreCosts.lookups(b.low()) + ", "
                    + StoreCosts.lookups(b.high()) + "]"));
        }
        return Table.of("Break-even — " + where + " · " + c.describe(), List.of("store", "loaded upfront as", "N*: lookups after which loading wins [99% CI]"),
                2, rows, List.of("0: the load is ready before the store; never: the store's lookups are no slower than the map's."));
    }

    /** Time to answer N lookups from a standing start, ready + N × lookup, for every way with both measured: log-log. */
    static Optional<String> chart(StoreCosts c, String where) {
        List<StoreCosts.Way> ways = c.ways().stream().filter(w -> w.ready().isPresent() && w.lookup1().isPresent()).toList();
        if (ways.isEmpty()) {
            return Optional.empty();
        }
        double yMin = Double.MAX_VALUE;
        double yMax = 0;
        for (StoreCosts.Way w : ways) {
            yMin = Math.min(yMin, total(w, Math.pow(10, CHART_MIN_EXPONENT)));
            yMax = Math.max(yMax, total(w, Math.pow(10, CHART_MAX_EXPONENT)));
        }
        Svg svg = new Svg("Time to answer N lookups from a standing start — " + c.cache(), where + " · " + c.profile().describe() + " · ready + N × lookup (1 thread, uniform)",
                760, 380, 70, 50).ranges(CHART_MIN_EXPONENT, CHART_MAX_EXPONENT, Math.max(yMin / 2, 1e-3), yMax * 2).logY()
                .axes("lookups N, as log10 N (0 = 1 lookup, 6 = a million)", "time to answer them [ms]", true, true);
        for (int i = 0; i < ways.size(); i++) {
            StoreCosts.Way w = ways.get(i);
            List<double[]> points = new ArrayList<>();
            for (double x = CHART_MIN_EXPONENT; x <= CHART_MAX_EXPONENT + 1e-9; x += 0.25) {
                points.add(new double[] {x, total(w, Math.pow(10, x))});
            }
            String colour = Svg.PALETTE.get(i % Svg.PALETTE.size());
            svg.curve(points, colour, w.eager() ? "line" : "dash").legend(w.way(), colour, w.eager() ? "line" : "dash");
        }
        return Optional.of(svg.toString());
    }

    /** ready + n × lookup, in ms, from the medians. */
    static double total(StoreCosts.Way w, double n) {
        return median(w.ready().orElseThrow()) + n * StoreCosts.Way.nanosPerLookup(w.lookup1()).orElseThrow() / 1e6;
    }

    /**
     * Which way to pick: for a user who needs every dictionary for fast lookups (the way answering one lookup per entry
     * soonest from a standing start), and for one who needs only some (a thousand lookups); and the break-even of each store.
     */
    static List<String> findings(StoreCosts c, long entries) {
        List<String> out = new ArrayList<>();
        List<StoreCosts.Way> ways = c.ways().stream().filter(w -> w.ready().isPresent() && w.lookup1().isPresent()).toList();
        if (ways.isEmpty()) {
            List<String> ratios = ratios(c);
            return ratios.isEmpty() ? List.of("Not enough was measured for a recommendation: it needs time to ready and uniform lookups of a way.")
                    : ratios;
        }
        long heavy = Math.max(entries, 1_000_000);
        for (long n : new long[] {heavy, 1_000}) {
            StoreCosts.Way best = ways.stream().min(Comparator.comparingDouble(w -> total(w, n))).orElseThrow();
            StoreCosts.Way next = ways.stream().filter(w -> w != best).min(Comparator.comparingDouble(w -> total(w, n))).orElse(best);
            out.add(String.format(Locale.ROOT, "%s (%s): %s answers %,d lookups from a standing start soonest, in %s ms (ready in %s ms, "
                            + "then %s ns a lookup); next, %s in %s ms.", n == heavy ? "Needing every dictionary for many lookups" : "Needing only some lookups",
                    c.cache(), best.way(), n, Cells.number(total(best, n)), Cells.number(median(best.ready().orElseThrow())),
                    Cells.number(StoreCosts.Way.nanosPerLookup(best.lookup1()).orElseThrow()), next.way(), Cells.number(total(next, n))));
        }
        ratios(c).forEach(out::add);
        for (StoreCosts.BreakEven b : c.breakEvens()) {
            out.add(Double.isInfinite(b.lookups()) ? b.store() + " against " + b.eager() + ": the store's lookups were no slower, so loading "
                    + "upfront never pays for itself here."
                    : b.lookups() == 0 ? b.eager() + " is ready before " + b.store() + " answers its first lookup: loading upfront wins from the start."
                    : String.format(Locale.ROOT, "%s against %s: loading upfront pays for itself after %s lookups [99%% CI %s, %s].", b.store(),
                    b.eager(), StoreCosts.lookups(b.lookups()), StoreCosts.lookups(b.low()), StoreCosts.lookups(b.high())));
        }
        return out;
    }

    /**
     * The README's short form of {@link #findings}: per cache state, which way answers many lookups (warm only) and which
     * a few soonest, and the break-even of each store against the eager way that is ready first; the warm state adds the
     * target ratios, and every other heap profile or JVM state one line of its ratios against the HashMap load.
     */
    static List<String> readmeLines(StoreCosts c, long entries) {
        List<String> all = findings(c, entries);
        if (!c.profile().equals(Results.Profile.SIZED_WARMED)) {
            List<String> ratios = ratios(c, false);
            return ratios.isEmpty() ? List.of() : List.of(c.describe() + ": " + String.join(" ", ratios));
        }
        boolean warm = c.cache().equals("warm");
        // cold: only the few-lookups finding (the many-lookups one is the load's, much as when warm)
        List<String> out = new ArrayList<>(all.subList(warm ? 0 : Math.min(1, all.size()), Math.min(2, all.size())));
        if (warm) {
            out.addAll(ratios(c));
        }
        StoreCosts.readyFirst(c, true).ifPresent(eager -> {
            List<String> parts = c.breakEvens().stream().filter(b -> b.eager().equals(eager.way()))
                    .map(b -> b.store() + " " + StoreCosts.lookups(b.lookups()) + " [" + StoreCosts.lookups(b.low()) + ", "
                            + StoreCosts.lookups(b.high()) + "]").toList();
            if (!parts.isEmpty()) {
                out.add("Break-even (" + c.cache() + "), lookups after which loading the " + eager.way() + " maps upfront has answered sooner: "
                        + String.join("; ", parts) + ".");
            }
        });
        return out;
    }

    /**
     * The three targets as ratios of medians with 99% intervals: the compact map's load against the fastest
     * HashMap load, its lookups against the HashMap's, and the fastest store's time to ready against the fastest HashMap load and the compact map's.
     */
    static List<String> ratios(StoreCosts c) {
        return ratios(c, true);
    }

    /** {@link #ratios(StoreCosts)}, without the stricter ready-against-the-compact-map bar unless {@code againstCompact}. */
    private static List<String> ratios(StoreCosts c, boolean againstCompact) {
        List<String> out = new ArrayList<>();
        Optional<StoreCosts.Way> hashmap = c.ways().stream().filter(w -> w.way().equals("hashmap")).findFirst();
        Optional<StoreCosts.Way> compact = c.ways().stream().filter(w -> w.way().equals("compact")).findFirst();
        if (hashmap.isPresent() && compact.isPresent()) {
            ratio(hashmap.get().ready(), compact.get().ready()).ifPresent(e -> out.add(String.format(Locale.ROOT,
                    "The compact map loads %s× [99%% CI %s, %s] as fast as the fastest HashMap load (%s against %s).", Cells.number(e.value()),
                    Cells.number(e.ci().lower()), Cells.number(e.ci().upper()), compact.get().readyBy(), hashmap.get().readyBy())));
            ratio(compact.get().lookup1(), hashmap.get().lookup1()).ifPresent(e -> out.add(String.format(Locale.ROOT,
                    "A compact map's lookup takes %s× [99%% CI %s, %s] a HashMap's (1 thread, uniform).", Cells.number(e.value()),
                    Cells.number(e.ci().lower()), Cells.number(e.ci().upper()))));
        }
        // the "best eager load" is the loading strategies' (HashMaps); the compact map, itself a store, is the stricter bar
        Optional<StoreCosts.Way> fastestStore = StoreCosts.readyFirst(c, false);
        if (fastestStore.isPresent()) {
            for (Optional<StoreCosts.Way> eager : againstCompact ? List.of(hashmap, compact) : List.of(hashmap)) {
                eager.flatMap(e -> ratio(fastestStore.get().ready(), e.ready()).map(r -> String.format(Locale.ROOT,
                        "%s is ready in %s%% [99%% CI %s, %s] of the time the fastest %s load (%s) takes.", fastestStore.get().way(),
                        Cells.number(100 * r.value()), Cells.number(100 * r.ci().lower()), Cells.number(100 * r.ci().upper()),
                        e.way().equals("hashmap") ? "HashMap" : "compact map", e.readyBy()))).ifPresent(out::add);
            }
        }
        return out;
    }

    /** median(a) / median(b) (times in the same unit) with its bootstrap interval. */
    private static Optional<dictbench.stats.Estimate> ratio(Optional<BenchmarkResult> a, Optional<BenchmarkResult> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        double scale = a.get().millisPerUnit().orElse(1.0) / b.get().millisPerUnit().orElse(1.0)
                * StoreCosts.batchOrOne(b.get()) / StoreCosts.batchOrOne(a.get());
        return Optional.of(dictbench.stats.Bootstrap.twoSample(a.get().primary(), b.get().primary(),
                (x, y) -> scale * dictbench.stats.Descriptive.median(x) / dictbench.stats.Descriptive.median(y),
                dictbench.stats.Bootstrap.Options.defaults()));
    }

    private static double median(BenchmarkResult r) {
        return StoreCosts.medianMillis(r);
    }

    private static String ms(Optional<BenchmarkResult> r) {
        return r.map(x -> {
            Summary s = Summary.of(x.primary());
            double f = x.millisPerUnit().orElse(1.0);
            return Cells.time(s.median() * f, new ConfidenceInterval(s.medianCi().lower() * f, s.medianCi().upper() * f, s.medianCi().confidence()), "ms");
        }).orElse(Cells.NA);
    }

    private static String ns(Optional<BenchmarkResult> r) {
        return r.map(x -> {
            Summary s = Summary.of(x.primary());
            double f = x.millisPerUnit().orElse(1.0) * 1e6 / StoreCosts.batch(x);
            return Cells.number(s.median() * f) + " [" + Cells.number(s.medianCi().lower() * f) + ", " + Cells.number(s.medianCi().upper() * f) + "]";
        }).orElse(Cells.NA);
    }

    private static String mb(OptionalDouble v) {
        return v.isPresent() ? Cells.number(v.getAsDouble()) : Cells.NA;
    }
}
