package dictbench.report;

import dictbench.format.Cells;
import dictbench.format.Svg;
import dictbench.results.Results;
import dictbench.results.Timeline;
import dictbench.run.Catalogue;
import dictbench.run.Counter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report's SVG charts. Each takes a title and a subtitle naming the environment and dataset, and
 * returns empty when it has nothing to draw. Times are in milliseconds.
 */
final class Charts {
    static final double WIDTH = 820;
    /** Times spanning more than this factor get a log axis. */
    static final double LOG_SPAN = 10;
    private static final String GREY = "#888";

    private Charts() {
    }

    /** Speedup over sequential against threads, per strategy, with CI whiskers, the ideal line and the fits. */
    static Optional<String> speedup(List<Scaling> sweeps, java.util.OptionalInt cores, String title, String subtitle) {
        if (sweeps.isEmpty()) {
            return Optional.empty();
        }
        int maxThreads = sweeps.stream().flatMap(s -> s.points().stream()).mapToInt(Scaling.Point::threads).max().orElse(1);
        double xMax = Math.max(2, maxThreads) + 0.5;
        double yTop = 1;
        for (Scaling s : sweeps) {
            for (Scaling.Point p : s.points()) {
                yTop = Math.max(yTop, p.speedup().ratioCi().upper());
            }
            for (double n = 1; n <= xMax; n += 0.5) {
                yTop = Math.max(yTop, Math.max(s.amdahlSpeedup(n).orElse(0.0), s.uslSpeedup(n).orElse(0.0)));
            }
        }
        double yMax = yTop * 1.15;
        Svg svg = new Svg(title, subtitle, WIDTH, 430, 60, 45).ranges(0, xMax, 0, yMax).xStepAtLeast(1)
                .axes("threads", "speedup over sequential (×)", true, true);
        double ideal = Math.min(xMax, yMax);
        svg.curve(List.of(new double[] {1, 1}, new double[] {ideal, ideal}), GREY, "line").legend("ideal (speedup = threads)", GREY, "line");
        if (cores.isPresent() && cores.getAsInt() <= xMax) {
            double x = svg.px(cores.getAsInt());
            svg.line(x, svg.py(yMax), x, svg.plotBottom(), GREY, Svg.dashOf("dot"))
                    .text(x + 4, svg.py(yMax) + 12, "the machine's " + cores.getAsInt() + " cores", "start", "font-size=\"10\" fill=\"#555\"");
        }
        boolean amdahl = false;
        boolean usl = false;
        for (int i = 0; i < sweeps.size(); i++) {
            Scaling s = sweeps.get(i);
            String colour = colourOf(s.strategy());
            List<double[]> amdahlCurve = fitCurve(s, xMax, true);
            List<double[]> uslCurve = fitCurve(s, xMax, false);
            if (!amdahlCurve.isEmpty()) {
                svg.curve(amdahlCurve, colour, "dash");
                amdahl = true;
            }
            if (!uslCurve.isEmpty()) {
                svg.curve(uslCurve, colour, "dot");
                usl = true;
            }
            // strategies side by side around each thread count, so whiskers do not hide each other
            double dodge = (i - (sweeps.size() - 1) / 2.0) * 7;
            for (Scaling.Point p : s.points()) {
                double x = svg.px(p.threads()) + dodge;
                svg.whisker(x, p.speedup().ratioCi().lower(), p.speedup().ratioCi().upper(), colour)
                        .circle(x, svg.py(p.speedup().ratio()), 4, colour, s.strategy() + ", " + p.threads() + " threads: "
                                + Cells.ratio(p.speedup().ratio(), p.speedup().ratioCi()));
            }
            svg.legend(s.strategy(), colour, "marker");
        }
        if (amdahl) {
            svg.legend("Amdahl fit", "#444", "dash");
        }
        if (usl) {
            svg.legend("USL fit", "#444", "dot");
        }
        return Optional.of(svg.legend("whiskers: 99% CI", "#444", "line").toString());
    }

    private static List<double[]> fitCurve(Scaling s, double xMax, boolean amdahl) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            double n = 1 + (xMax - 1) * i / 60;
            (amdahl ? s.amdahlSpeedup(n) : s.uslSpeedup(n)).ifPresent(y -> points.add(new double[] {n, y}));
        }
        return points;
    }

    /**
     * Median time per configuration with CI whiskers and every shot as a dot, one bar per cache state side by side (the cold
     * one paler), fastest first. {@code loads}: the strategies, with sequential's median drawn across as the reference;
     * else the bounds and baselines, which no strategy is. A log axis when the times span more than {@value #LOG_SPAN}×, so
     * that one slow configuration does not flatten the ones that decide the choice.
     */
    static Optional<String> bars(SummaryTable table, boolean loads, String title, String subtitle) {
        List<SummaryTable.Row> rows = table.rows().stream().filter(r -> r.result().isLoad() == loads).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<String> caches = new ArrayList<>();
        rows.forEach(r -> {
            String cache = r.result().param("cache").orElse("memory");
            if (!caches.contains(cache)) {
                caches.add(cache);
            }
        });
        caches.sort(Comparator.comparingInt(c -> List.of("warm", "cold").contains(c) ? List.of("warm", "cold").indexOf(c) : 2));
        Map<String, Map<String, SummaryTable.Row>> byConfig = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparingDouble((SummaryTable.Row r) -> firstCacheMedian(r, rows, caches)))
                .forEach(r -> byConfig.computeIfAbsent(configName(r), k -> new LinkedHashMap<>()).put(r.result().param("cache").orElse("memory"), r));
        double low = Double.MAX_VALUE;
        double high = 0;
        for (SummaryTable.Row r : rows) {
            double k = r.result().millisPerUnit().orElseThrow();
            for (double v : r.result().primary().all()) {
                low = Math.min(low, v * k);
                high = Math.max(high, v * k);
            }
            low = Math.min(low, r.time().medianCi().lower() * k);
            high = Math.max(high, r.time().medianCi().upper() * k);
        }
        boolean log = low > 0 && high / low > LOG_SPAN;
        Svg svg = new Svg(title, subtitle, WIDTH, 460, 70, 110);
        if (log) {
            svg.ranges(0, byConfig.size(), Math.pow(10, Math.floor(Math.log10(low))), high * 1.3).logY();
        } else {
            svg.ranges(0, byConfig.size(), 0, high * 1.1);
        }
        svg.axes("configuration (strategy ×threads), fastest first", "shot time (ms" + (log ? ", log scale)" : ")"), false, true);
        double slot = svg.px(1) - svg.px(0);
        double bar = slot * 0.8 / caches.size();
        double bottom = log ? svg.py(Math.pow(10, Math.floor(Math.log10(low)))) : svg.py(0);
        List<String> strategies = new ArrayList<>();
        int i = 0;
        for (var config : byConfig.entrySet()) {
            for (int c = 0; c < caches.size(); c++) {
                SummaryTable.Row r = config.getValue().get(caches.get(c));
                if (r == null) {
                    continue;
                }
                double k = r.result().millisPerUnit().orElseThrow();
                double x = svg.px(i) + slot * 0.1 + c * bar;
                String colour = colourOf(r);
                if (!strategies.contains(r.result().label())) {
                    strategies.add(r.result().label());
                    svg.legend(r.result().label(), colour, "box");
                }
                svg.rect(x, svg.py(r.medianMillis()), bar * 0.92, bottom - svg.py(r.medianMillis()), colour,
                        config.getKey() + ", " + caches.get(c) + ": " + Cells.time(r.medianMillis(), r.time().medianCi().scale(k), "ms"),
                        c == 0 ? "" : "fill-opacity=\"" + Svg.PALE + "\"");
                double[] shots = r.result().primary().all();
                for (int j = 0; j < shots.length; j++) {
                    svg.circle(x + bar * 0.46 + ((j % 5) - 2) * bar * 0.1, svg.py(shots[j] * k), 1.6, "#222",
                            config.getKey() + ", " + caches.get(c) + ", shot " + (j + 1) + ": " + Cells.number(shots[j] * k) + " ms");
                }
                svg.whisker(x + bar * 0.46, r.time().medianCi().lower() * k, r.time().medianCi().upper() * k, "#222");
            }
            slotLabel(svg, i, config.getKey(), -35);
            i++;
        }
        if (caches.size() > 1) {
            svg.legend("paler: " + String.join(", ", caches.subList(1, caches.size()).stream()
                    .map(c -> c.equals("memory") ? "from memory" : c + " cache").toList()), GREY, "pale");
        }
        if (loads) {
            for (int c = 0; c < caches.size(); c++) {
                String cache = caches.get(c);
                Optional<SummaryTable.Row> seq = rows.stream().filter(r -> r.result().is(Catalogue.SEQUENTIAL)
                        && r.result().param("cache").orElse("memory").equals(cache)).findFirst();
                String kind = c == 0 ? "dash" : "dot";
                seq.ifPresent(r -> svg.line(svg.plotLeft(), svg.py(r.medianMillis()), svg.plotRight(), svg.py(r.medianMillis()), "#444",
                        "stroke-width=\"1.2\" " + Svg.dashOf(kind)).legend("sequential, " + cache + " (reference)", "#444", kind));
            }
        }
        return Optional.of(svg.legend("dots: every shot", "#222", "marker").legend("whiskers: 99% CI of the median", "#222", "line").toString());
    }

    /** A configuration's median in the first cache state it ran in, which orders the bars. */
    private static double firstCacheMedian(SummaryTable.Row r, List<SummaryTable.Row> rows, List<String> caches) {
        String name = configName(r);
        for (String cache : caches) {
            Optional<SummaryTable.Row> in = rows.stream().filter(o -> configName(o).equals(name)
                    && o.result().param("cache").orElse("memory").equals(cache)).findFirst();
            if (in.isPresent()) {
                return caches.indexOf(cache) * 1e12 + in.get().medianMillis();
            }
        }
        return Double.MAX_VALUE;
    }

    /** A strategy's colour, the same in every chart: the palette in the catalogue's order; grey for a benchmark it does not know. */
    static String colourOf(SummaryTable.Row r) {
        return r.result().entry().map(e -> Svg.PALETTE.get(e.ordinal() % Svg.PALETTE.size())).orElse(GREY);
    }

    /** As {@link #colourOf(SummaryTable.Row)}, for a strategy's table label ({@code platform}, {@code platform-split}, {@code subprocess-pool}). */
    static String colourOf(String label) {
        return Catalogue.named(label.replaceFirst("-split$", "")).map(e -> Svg.PALETTE.get(e.ordinal() % Svg.PALETTE.size())).orElse(GREY);
    }

    /** Stacked mean cost components per subprocess configuration, with the shot and platform medians marked. */
    static Optional<String> subprocessOverhead(List<SubprocessOverhead> overheads, String title, String subtitle) {
        List<SubprocessOverhead> drawn = overheads.stream().filter(o -> o.components().isPresent()).toList();
        if (drawn.isEmpty()) {
            return Optional.empty();
        }
        double yMax = 1;
        for (SubprocessOverhead o : drawn) {
            yMax = Math.max(yMax, Math.max(o.components().get().totalMean(), o.subprocess().medianMillis()));
            yMax = Math.max(yMax, o.platform().map(SummaryTable.Row::medianMillis).orElse(0.0));
        }
        Svg svg = new Svg(title, subtitle, WIDTH, 500, 100, 135).ranges(0, drawn.size(), 0, yMax * 1.1)
                .axes("subprocess configuration", "ms per shot (work summed over files)", false, true);
        double slot = svg.px(1) - svg.px(0);
        for (int i = 0; i < drawn.size(); i++) {
            SubprocessOverhead o = drawn.get(i);
            double w = Math.min(slot * 0.6, 120);
            double x = svg.px(i) + (slot - w) / 2;
            double base = 0;
            var components = o.components().get().components();
            for (int c = 0; c < components.size(); c++) {
                var part = components.get(c);
                svg.rect(x, svg.py(base + part.mean()), w, svg.py(base) - svg.py(base + part.mean()), Svg.PALETTE.get(c),
                        part.name() + ": " + Cells.number(part.mean()) + " ms, " + Cells.percent(part.share()));
                base += part.mean();
            }
            double shot = o.subprocess().medianMillis();
            svg.line(x - 6, svg.py(shot), x + w + 6, svg.py(shot), "#000", "stroke-width=\"2.5\"");
            o.platform().ifPresent(p -> svg.line(x - 6, svg.py(p.medianMillis()), x + w + 6, svg.py(p.medianMillis()), "#000",
                    "stroke-width=\"2\" " + Svg.dashOf("dash")));
            slotLabel(svg, i, configName(o.subprocess()) + " " + o.subprocess().result().param("cache").orElse(""), -40);
        }
        for (int c = 0; c < Counter.SUBPROCESS_COMPONENTS.size(); c++) {
            svg.legend(Counter.SUBPROCESS_COMPONENTS.get(c).key(), Svg.PALETTE.get(c), "box");
        }
        return Optional.of(svg.legend("shot time (median)", "#000", "line").legend("platform, same threads", "#000", "dash").toString());
    }

    /**
     * Per-file timeline of one shot per strategy in one cache state: for each strategy its fastest
     * configuration with a recorded timeline, one bar per file from its first task's start to its last
     * task's end.
     */
    static Optional<String> timeline(Results.DatasetGroup group, SummaryTable table, String cache, String title, String subtitle) {
        Map<String, SummaryTable.Row> fastest = new LinkedHashMap<>();
        Map<String, Timeline> timelines = new LinkedHashMap<>();
        table.rows().stream()
                .filter(r -> r.result().isLoad() && r.result().param("cache").orElse("").equals(cache))
                .filter(r -> group.timelineOf(r.result()).isPresent())
                .sorted(Comparator.comparingDouble(SummaryTable.Row::medianMillis))
                .forEach(r -> {
                    if (fastest.putIfAbsent(r.result().label(), r) == null) {
                        timelines.put(r.result().label(), group.timelineOf(r.result()).orElseThrow());
                    }
                });
        if (fastest.isEmpty()) {
            return Optional.empty();
        }
        int files = timelines.values().stream().mapToInt(t -> t.files().size()).max().orElse(1);
        double lane = Math.max(2, Math.min(10, 90.0 / files));
        double band = files * lane + 14;
        double endMs = timelines.values().stream().mapToLong(Timeline::endNanos).max().orElse(1) / 1e6;
        double height = 58 + fastest.size() * band + 50;
        Svg svg = new Svg(title, subtitle, WIDTH, height, 150, 50).ranges(0, endMs * 1.05, 0, 1)
                .axes("ms since the load began", "strategy, a lane per file", true, false);
        double y = 62;
        for (var e : fastest.entrySet()) {
            SummaryTable.Row r = e.getValue();
            String colour = colourOf(r);
            Timeline t = timelines.get(e.getKey());
            String name = configName(r);
            svg.text(svg.plotLeft() - 8, y + files * lane / 2 + 4, name, "end", "font-size=\"11\"");
            for (Timeline.Span s : t.spans()) {
                double from = s.startNanos() / 1e6;
                double to = s.endNanos() / 1e6;
                svg.rect(svg.px(from), y + s.file() * lane, svg.px(to) - svg.px(from), lane * 0.8, colour,
                        name + ", file " + s.file() + " (" + t.files().get(s.file()) + "): "
                                + Cells.number(from) + "–" + Cells.number(to) + " ms");
            }
            y += band;
            svg.legend(name + ": " + Cells.number(r.medianMillis()) + " ms", colour, "box");
        }
        return Optional.of(svg.legend("(median shot time)", "", "note").legend("a bar per file, file 0 on top;", "", "note")
                .legend("fastest run of each strategy,", "", "note").legend("its last measured shot", "", "note").toString());
    }

    /** Stacked bars: each configuration's median shot, its median collector pause below the rest. */
    static Optional<String> gcSplit(List<CollectorMemory> rows, String title, String subtitle) {
        List<CollectorMemory> drawn = rows.stream().filter(m -> m.gcPauseMs().isPresent()).toList();
        if (drawn.isEmpty()) {
            return Optional.empty();
        }
        double yMax = drawn.stream().mapToDouble(m -> m.row().medianMillis()).max().orElse(1) * 1.1;
        Svg svg = new Svg(title, subtitle, WIDTH, 520, 70, 170).ranges(0, drawn.size(), 0, yMax)
                .axes("configuration (strategy ×threads, heap, JVM, cache)", "median shot time (ms)", false, true);
        double slot = svg.px(1) - svg.px(0);
        for (int i = 0; i < drawn.size(); i++) {
            CollectorMemory m = drawn.get(i);
            double w = Math.min(slot * 0.6, 60);
            double x = svg.px(i) + (slot - w) / 2;
            double total = m.row().medianMillis();
            double gc = Math.min(m.gcPauseMs().getAsDouble(), total);
            svg.rect(x, svg.py(gc), w, svg.py(0) - svg.py(gc), Svg.PALETTE.get(3), "GC pauses: " + Cells.number(gc) + " ms");
            svg.rect(x, svg.py(total), w, svg.py(gc) - svg.py(total), Svg.PALETTE.get(0), "the rest: " + Cells.number(total - gc) + " ms");
            slotLabel(svg, i, configName(m.row()) + " " + m.profile().heap() + " " + m.profile().jvm() + " "
                    + m.row().result().param("cache").orElse(""), -40);
        }
        return Optional.of(svg.legend("GC pauses (median)", Svg.PALETTE.get(3), "box").legend("the rest of the shot", Svg.PALETTE.get(0), "box")
                .toString());
    }

    /** A bar slot's label under the plot, slanted by {@code degrees} so long names fit. */
    private static void slotLabel(Svg svg, int slot, String name, int degrees) {
        double cx = svg.px(slot + 0.5);
        svg.text(cx, svg.plotBottom() + 14, name, "end",
                String.format(Locale.ROOT, "font-size=\"11\" transform=\"rotate(%d %.1f %.1f)\"", degrees, cx, svg.plotBottom() + 14));
    }

    /** {@code platform ×2}; virtual threads show the cores they ran on. */
    static String configName(SummaryTable.Row r) {
        return r.result().label() + (r.threads().isPresent() ? " ×" + r.threads().getAsInt() : "");
    }
}
