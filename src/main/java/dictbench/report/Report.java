package dictbench.report;

import dictbench.format.Cells;
import dictbench.format.OutputFormat;
import dictbench.format.Svg;
import dictbench.format.Table;
import dictbench.format.TableFormat;
import dictbench.results.BenchmarkResult;
import dictbench.results.Environment;
import dictbench.results.EnvironmentKey;
import dictbench.results.Provenance;
import dictbench.results.Results;
import dictbench.run.RunLayout;
import dictbench.stats.AmdahlFit;
import dictbench.stats.Ceiling;
import dictbench.stats.ConfidenceInterval;
import dictbench.stats.OverheadDecomposition;
import dictbench.stats.UslFit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The full report on a set of {@link Results}: per environment, per dataset and format, the headline
 * table, scaling (per thread count and fits), limits, CPU use, subprocess overhead and the charts; written as
 * {@value RunLayout#REPORT_MD}, {@value RunLayout#REPORT_CSV} (one row per benchmark and params) and {@value RunLayout#REPORT_HTML}
 * (self-contained, inline SVG, no scripts). Every table and chart names its environment and dataset.
 */
public final class Report {

    /** One piece of the document; Markdown and HTML render the same blocks (Markdown leaves charts to the HTML). */
    private sealed interface Block {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Paragraph(String text) implements Block {
    }

    private record TableBlock(Table table) implements Block {
    }

    private record Chart(String svg) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    /** The table of contents: the level-2 and level-3 headings after it, linked in HTML. */
    private record Contents(List<Heading> headings) implements Block {
    }

    /** The analyses of one dataset group. */
    private record Section(String environmentId, EnvironmentKey environment, Results.DatasetGroup group, SummaryTable table,
                           List<Scaling> scaling, List<Limits> limits, List<ColdOverlap> coldOverlaps,
                           List<SubprocessOverhead> overheads, List<CpuUse> cpu) {
        String context() {
            return environmentId + " · dataset " + group.dataset() + " · format " + group.format()
                    + group.profile().map(p -> " · " + p.describe()).orElse("");
        }
    }

    /** One profile group's headline table, for the comparisons across heap profiles and JVM states. */
    record ProfileTable(Results.Profile profile, SummaryTable table) {
    }

    private final Results results;
    private final List<Section> sections = new ArrayList<>();

    private Report(Results results) {
        this.results = results;
        for (int e = 0; e < results.environments().size(); e++) {
            Results.EnvironmentGroup env = results.environments().get(e);
            for (Results.DatasetGroup group : env.datasets()) {
                SummaryTable table = SummaryTable.of(group.results(), env.key().cores());
                if (table.rows().isEmpty()) {
                    continue; // only store results: their own section (storeSections)
                }
                sections.add(new Section(environmentId(e), env.key(), group, table, Scaling.of(table), Limits.of(table, env.key().cores()),
                        ColdOverlap.of(table), SubprocessOverhead.of(table), CpuUse.of(table, env.key().cores())));
            }
        }
    }

    /** How the report names the environment at {@code index} of the results: E1, E2, … */
    private static String environmentId(int index) {
        return "E" + (index + 1);
    }

    public static Report of(Results results) {
        return new Report(results);
    }

    /** Reads {@code inputs} ({@link Results#read}) and writes the three files beside them; returns the files written. */
    public static List<Path> write(List<Path> inputs) throws IOException {
        return of(Results.read(inputs)).writeTo(Results.outputDirectory(inputs));
    }

    /** The report's files: {@value RunLayout#REPORT_MD}, {@value RunLayout#REPORT_CSV} and {@value RunLayout#REPORT_HTML}. */
    public static final List<OutputFormat<Report>> FORMATS = List.of(OutputFormat.of(RunLayout.REPORT_MD, Report::markdown),
            OutputFormat.of(RunLayout.REPORT_CSV, Report::csv), OutputFormat.of(RunLayout.REPORT_HTML, Report::html));

    /** Writes every one of {@link #FORMATS} into {@code dir}, each atomically; returns the files written. */
    public List<Path> writeTo(Path dir) throws IOException {
        return OutputFormat.writeAll(FORMATS, this, dir);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks()) {
            switch (b) {
                case Heading h -> out.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
                case Paragraph p -> out.append(p.text()).append("\n\n");
                case Bullets list -> {
                    list.items().forEach(item -> out.append("- ").append(item).append('\n'));
                    out.append('\n');
                }
                case Contents toc -> {
                    out.append("**Contents**\n\n");
                    toc.headings().forEach(h -> out.append("  ".repeat(h.level() - 2)).append("- ").append(h.text()).append('\n'));
                    out.append('\n');
                }
                case TableBlock t -> {
                    out.append("**").append(t.table().title()).append("**\n\n").append(TableFormat.MARKDOWN.render(t.table())).append('\n');
                    t.table().notes().forEach(n -> out.append("- ").append(n).append('\n'));
                    out.append(t.table().notes().isEmpty() ? "" : "\n");
                }
                case Chart c -> {
                    // charts are in report.html
                }
            }
        }
        return out.toString();
    }

    public String html() {
        StringBuilder out = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>dictbench report</title>
                <style>
                body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
                table{border-collapse:collapse;margin:.5em 0 1em;font-size:13px}
                th,td{border:1px solid #ccc;padding:3px 7px;text-align:left}
                th{background:#f3f3f3} .num{text-align:right;font-variant-numeric:tabular-nums}
                caption{text-align:left;font-weight:bold;padding:4px 0} .note{color:#555;font-size:13px;margin:0}
                svg{display:block;margin:1em 0;max-width:100%;height:auto}
                </style></head><body>
                """);
        List<Block> blocks = blocks();
        for (Block b : blocks) {
            switch (b) {
                case Heading h -> out.append("<h").append(h.level()).append(" id=\"").append(anchor(blocks, h)).append("\">")
                        .append(Svg.escape(h.text())).append("</h").append(h.level()).append(">\n");
                case Contents toc -> {
                    out.append("<nav><p><strong>Contents</strong></p>\n<ul>\n");
                    toc.headings().forEach(h -> out.append("<li style=\"margin-left:").append(1.5 * (h.level() - 2)).append("em\"><a href=\"#")
                            .append(anchor(blocks, h)).append("\">").append(Svg.escape(h.text())).append("</a></li>\n"));
                    out.append("</ul></nav>\n");
                }
                case Paragraph p -> out.append("<p>").append(Svg.escape(p.text())).append("</p>\n");
                case Bullets list -> {
                    out.append("<ul>\n");
                    list.items().forEach(item -> out.append("<li>").append(Svg.escape(item)).append("</li>\n"));
                    out.append("</ul>\n");
                }
                case TableBlock t -> {
                    out.append(TableFormat.HTML.render(t.table()).replaceFirst("<table>",
                            "<table><caption>" + Svg.escape(t.table().title()) + "</caption>"));
                    t.table().notes().forEach(n -> out.append("<p class=\"note\">").append(Svg.escape(n)).append("</p>\n"));
                }
                case Chart c -> out.append(c.svg());
            }
        }
        return out.append("</body></html>\n").toString();
    }

    /** One row per benchmark and params, over every environment. */
    public String csv() {
        List<List<String>> rows = new ArrayList<>();
        for (Section s : sections) {
            for (SummaryTable.Row row : s.table().rows()) {
                BenchmarkResult r = row.result();
                double k = r.millisPerUnit().orElseThrow();
                ConfidenceInterval ci = row.time().medianCi();
                Optional<CpuUse> cpu = s.cpu().stream().filter(c -> c.row() == row).findFirst();
                rows.add(List.of(s.environmentId(), s.environment().cpu(), s.environment().cores().isPresent()
                                ? String.valueOf(s.environment().cores().getAsInt()) : Cells.NA, s.environment().jdk(),
                        String.join(" ", s.environment().jvmFlags()), s.environment().datasetHash(),
                        s.group().dataset(), s.group().format(), r.param("cache").orElse("memory"), r.benchmark(), r.label(),
                        row.threads().isPresent() ? String.valueOf(row.threads().getAsInt()) : Cells.NA,
                        r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")),
                        String.valueOf(row.time().n()), String.valueOf(row.time().forks()),
                        raw(row.time().median() * k), raw(ci.lower() * k), raw(ci.upper() * k),
                        row.speedup().map(sp -> raw(sp.ratio())).orElse(Cells.NA),
                        row.speedup().map(sp -> raw(sp.ratioCi().lower())).orElse(Cells.NA),
                        row.speedup().map(sp -> raw(sp.ratioCi().upper())).orElse(Cells.NA),
                        row.efficiency().map(e -> raw(e.value())).orElse(Cells.NA),
                        cpu.map(c -> raw(c.busy().median())).orElse(Cells.NA),
                        cpu.flatMap(CpuUse::coresBusy).map(e -> raw(e.value())).orElse(Cells.NA)));
            }
        }
        return TableFormat.CSV.render(Table.of("", List.of("environment", "cpu", "cores", "jdk", "jvm_flags", "dataset_hash", "dataset",
                "format", "cache", "benchmark", "strategy", "threads", "params", "n", "forks", "median_ms", "median_ci99_low_ms",
                "median_ci99_high_ms", "speedup", "speedup_ci99_low", "speedup_ci99_high", "efficiency", "cpu_busy_ms",
                "cores_busy"), 13, rows, List.of()));
    }

    private static String raw(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : Cells.NA;
    }

    /**
     * The table, unless no row has a value beyond its text columns: then one paragraph with its title, saying so, and its
     * notes (which say why), instead of a table of n/a.
     */
    private static Block tableOrNote(Table t) {
        boolean empty = !t.rows().isEmpty() && t.rows().stream().allMatch(row -> {
            for (int c = 0; c < row.size(); c++) {
                if (t.numeric().get(c) && !row.get(c).equals(Cells.NA)) {
                    return false;
                }
            }
            return true;
        });
        return empty ? new Paragraph(t.title() + ": n/a for every row. " + String.join(" ", t.notes())) : new TableBlock(t);
    }

    /**
     * A source's forks × shots, each distinct plan with the number of benchmarks run so, e.g. {@code 2 forks × 3 shots
     * (25 configurations), 5 forks × 1 shot (8)}; JMH's JSON counts the measured shots, not the warm-ups.
     */
    static String plan(Results.Source source) {
        Map<String, Integer> plans = new LinkedHashMap<>();
        for (BenchmarkResult r : source.results()) {
            int[] sizes = r.primary().forkSizes();
            int min = Arrays.stream(sizes).min().orElse(0);
            int max = Arrays.stream(sizes).max().orElse(0);
            String shots = min == max ? Cells.count(min, "shot") : min + "-" + max + " shots";
            plans.merge(Cells.count(sizes.length, "fork") + " × " + shots, 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        plans.forEach((plan, n) -> parts.add(plan + " (" + (parts.isEmpty() ? Cells.count(n, "configuration") : n) + ")"));
        return String.join(", ", parts);
    }

    /** A heading's id in the HTML: its place among the blocks (headings are records: the same text twice is told apart by place). */
    private static String anchor(List<Block> blocks, Heading h) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) == h) {
                return "s" + i;
            }
        }
        return "s";
    }

    private List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        out.add(new Heading(1, "dictbench report"));
        out.add(new Paragraph("Medians with 99% bootstrap confidence intervals (forks resampled, then shots within a fork); "
                + "speedup = T(sequential) / T(strategy) on the same environment, dataset, format and cache state. "
                + "Results from different environments are never compared. Sources: "
                + results.environments().stream().flatMap(e -> e.sources().stream()).map(Path::toString).collect(Collectors.joining(", "))
                + ". How to read each table and chart: docs/method.md, section Reports."));
        for (int e = 0; e < results.environments().size(); e++) {
            out.add(new Paragraph("Machine " + environmentId(e) + ": " + shortEnvironment(results.environments().get(e).key()) + "."));
        }
        for (Results.Source source : results.sources()) {
            out.add(new Paragraph("Run " + source.file() + ": " + source.run().map(Provenance::describe)
                    .orElse("recorded before runs named their commit and command") + " · " + plan(source) + "."));
        }
        for (int e = 0; e < results.environments().size(); e++) {
            Results.EnvironmentGroup env = results.environments().get(e);
            Verdict verdict = Verdict.of(env.datasets().stream().flatMap(d -> d.results().stream()).toList(), env.key().cores());
            if (!verdict.lines().isEmpty()) {
                out.add(new Heading(2, results.environments().size() == 1 ? "Verdict" : "Verdict, environment " + environmentId(e)));
                List<String> lines = new ArrayList<>(verdict.lines());
                if (e == 0) {
                    lines.addAll(CPythonComparison.lines(results));
                }
                out.add(new Bullets(lines));
                List<String> data = env.datasets().stream().map(d -> "dataset " + d.dataset() + " · format " + d.format()).distinct().toList();
                out.add(tableOrNote(verdict.table("Ranking — " + environmentId(e) + (data.size() == 1 ? " · " + data.getFirst() : ""))));
            }
        }
        int contentsAt = out.size();
        String current = "";
        for (Section s : sections) {
            if (!s.environmentId().equals(current)) {
                current = s.environmentId();
                out.add(new Heading(2, "Environment " + s.environmentId()));
                out.add(new Paragraph(s.environment().describe()));
            }
            out.add(new Heading(3, s.context()));
            section(s, out);
            if (lastOfItsData(s)) {
                collectorAndMemory(s, out);
            }
        }
        storeSections(out);
        cpythonSections(out);
        out.add(contentsAt, new Contents(out.subList(contentsAt, out.size()).stream()
                .filter(b -> b instanceof Heading h && h.level() <= 3).map(b -> (Heading) b).toList()));
        return out;
    }

    /** "CPython beside the JVM" for each dataset CPython ran ({@link CPythonComparison}). */
    private void cpythonSections(List<Block> out) {
        for (String dataset : CPythonComparison.datasets(results)) {
            out.add(new Heading(2, "CPython beside the JVM — dataset " + dataset));
            out.add(new TableBlock(CPythonComparison.table(results, dataset)));
            out.add(new Heading(4, "Findings — CPython beside the JVM — dataset " + dataset));
            out.add(new Bullets(CPythonComparison.lines(results, dataset)));
        }
    }

    /** Per environment and dataset with store results, "Loading upfront against opening a store" ({@link StoreCosts}). */
    private void storeSections(List<Block> out) {
        for (int e = 0; e < results.environments().size(); e++) {
            Map<String, List<BenchmarkResult>> byDataset = new java.util.LinkedHashMap<>();
            results.environments().get(e).datasets().forEach(d -> byDataset.computeIfAbsent(d.dataset(), k -> new ArrayList<>()).addAll(d.results()));
            for (Map.Entry<String, List<BenchmarkResult>> d : byDataset.entrySet()) {
                List<StoreCosts> costs = StoreCosts.of(d.getValue(), dictbench.stats.Bootstrap.Options.defaults());
                if (costs.isEmpty()) {
                    continue;
                }
                String where = environmentId(e) + " · dataset " + d.getKey();
                long entries = StoreCosts.entries(d.getValue());
                out.add(new Heading(2, "Loading upfront against opening a store — " + where));
                out.add(new Paragraph(StoreFindings.METHOD));
                for (StoreCosts c : costs) {
                    out.add(new TableBlock(StoreFindings.table(c, where)));
                    if (!c.breakEvens().isEmpty()) {
                        out.add(new TableBlock(StoreFindings.breakEvenTable(c, where)));
                    }
                    StoreFindings.chart(c, where).ifPresent(svg -> out.add(new Chart(svg)));
                    out.add(new Heading(4, "Findings — stores — " + where + " · " + c.describe()));
                    out.add(new Bullets(StoreFindings.findings(c, entries)));
                }
            }
        }
    }

    /** The sections of {@code s}'s environment, dataset and format: one per heap profile and JVM state. */
    private List<Section> sameData(Section s) {
        return sections.stream().filter(o -> o.environmentId().equals(s.environmentId()) && o.group().dataset().equals(s.group().dataset())
                && o.group().format().equals(s.group().format())).toList();
    }

    /** Every profile's rows of {@code s}'s environment, dataset and format, with their collector and memory counters. */
    private List<CollectorMemory> collectorMemory(Section s) {
        return CollectorMemory.of(sameData(s).stream()
                .map(o -> new ProfileTable(o.group().profile().orElse(Results.Profile.SIZED_WARMED), o.table())).toList());
    }

    /**
     * The recommendation of the "Collector and memory" findings for the first dataset of the first environment: the heap
     * profile and flags that loaded fastest, against the JVM's default heap; empty without memory counters or profiles.
     */
    static Optional<String> recommendation(Results results) {
        Report report = new Report(results);
        if (report.sections.isEmpty()) {
            return Optional.empty();
        }
        Section first = report.sections.getFirst();
        return Findings.recommendation(report.collectorMemory(first), first.environment());
    }

    private boolean lastOfItsData(Section s) {
        return sameData(s).getLast() == s;
    }

    /** The "Collector and memory" section of one environment, dataset and format, if its loads recorded memory counters. */
    private void collectorAndMemory(Section s, List<Block> out) {
        List<CollectorMemory> rows = collectorMemory(s);
        if (rows.isEmpty()) {
            return;
        }
        String where = s.environmentId() + " · dataset " + s.group().dataset() + " · format " + s.group().format();
        out.add(new Heading(3, "Collector and memory — " + where));
        List<List<String>> cells = new ArrayList<>();
        for (CollectorMemory m : rows) {
            BenchmarkResult r = m.row().result();
            cells.add(List.of(r.label(), m.row().threads().isPresent() ? String.valueOf(m.row().threads().getAsInt()) : Cells.NA,
                    r.param("cache").orElse("memory"), m.profile().heap(), m.profile().jvm(), m.row().timeCell(),
                    Cells.optional(m.againstSized(), x -> Cells.ratio(x.ratio(), x.ratioCi())),
                    Cells.number(m.gcPauseMs()), m.gcShare().isPresent() ? String.format(Locale.ROOT, "%.0f%%", 100 * m.gcShare().getAsDouble()) : Cells.NA,
                    Cells.number(m.cpuBusyMs()),
                    Cells.number(m.gcPauses()), Cells.number(m.allocatedMb()), Cells.number(m.retainedMb()), Cells.number(m.bytesPerEntry()),
                    Cells.number(m.peakRssMb())));
        }
        out.add(tableOrNote(Table.of("Collector and memory — " + where, List.of("strategy", "threads", "cache", "heap", "JVM",
                "median time [99% CI]", "time vs heap sized, warmed [99% CI] (above 1: slower)", "GC pause ms", "GC share", "CPU busy ms", "GC pauses", "allocated MB",
                "retained MB", "bytes/entry", "peak RSS MB"), 5, cells, List.of(
                "Medians per shot. GC pause: stop-the-world collections while the shot ran; a concurrent collector's work runs on "
                        + "other threads and shows in CPU busy (the whole machine's, all cores) instead; GC share = pause / shot. Retained: used heap after a full collection with the maps reachable, "
                        + "less after one without them. Peak RSS: the fork's peak resident memory over the shot, plus its children's for subprocess loads.",
                "first-load rows time one shot in each of several fresh JVMs: no warm-up, the JIT cold, as an application's start-up."))));
        Charts.gcSplit(rows, "Shot time split into collector pauses and the rest", where + " · " + shortEnvironment(s.environment()))
                .ifPresent(c -> out.add(new Chart(c)));
        List<String> findings = Findings.collectorAndMemory(rows, s.environment());
        if (!findings.isEmpty()) {
            out.add(new Heading(4, "Findings — collector and memory — " + where));
            out.add(new Bullets(findings));
        }
    }

    private void section(Section s, List<Block> out) {
        String where = s.context();
        String subtitle = where + " · " + shortEnvironment(s.environment());
        out.add(tableOrNote(s.table().table("Headline — " + where)));
        Charts.bars(s.table(), true, "Shot time per strategy, against sequential", subtitle).ifPresent(c -> out.add(new Chart(c)));
        Charts.bars(s.table(), false, "Shot time of the bounds and baselines (what no strategy can beat)", subtitle)
                .ifPresent(c -> out.add(new Chart(c)));
        List<String> findings = new ArrayList<>(Findings.of(s.table(), s.environment().cores(), s.overheads()));
        String twin = Findings.TMPFS_TWINS.get(s.group().dataset());
        sections.stream()
                .filter(o -> o.environmentId().equals(s.environmentId()) && o.group().format().equals(s.group().format())
                        && o.group().dataset().equals(twin))
                .findFirst()
                .flatMap(disk -> Findings.tmpfsAgainstDisk(s.group().dataset(), s.table(), disk.table()))
                .ifPresent(findings::add);
        if (!findings.isEmpty()) {
            out.add(new Heading(4, "Findings — " + where));
            out.add(new Bullets(findings));
        }
        if (!s.scaling().isEmpty()) {
            out.add(tableOrNote(scalingPoints(s)));
            out.add(tableOrNote(scalingFits(s)));
            for (String cache : s.table().loadCaches()) {
                List<Scaling> sweeps = s.scaling().stream().filter(x -> x.cache().equals(cache)).toList();
                Charts.speedup(sweeps, s.environment().cores(), "Speedup against threads, cache " + cache, subtitle).ifPresent(c -> out.add(new Chart(c)));
            }
        }
        if (!s.limits().isEmpty()) {
            out.add(tableOrNote(limits(s)));
        }
        if (!s.cpu().isEmpty()) {
            out.add(tableOrNote(cpuUse(s)));
        }
        if (!s.coldOverlaps().isEmpty()) {
            out.add(tableOrNote(coldOverlaps(s)));
        }
        if (!s.overheads().isEmpty()) {
            out.add(tableOrNote(overheadTimes(s)));
            out.add(tableOrNote(overheadComponents(s)));
            Charts.subprocessOverhead(s.overheads(), "Subprocess cost components", subtitle).ifPresent(c -> out.add(new Chart(c)));
        }
        for (String cache : s.table().loadCaches()) {
            Charts.timeline(s.group(), s.table(), cache, "Per-file timeline of one shot per strategy, cache " + cache, subtitle)
                    .ifPresent(c -> out.add(new Chart(c)));
        }
    }

    private static String shortEnvironment(EnvironmentKey e) {
        return e.cpu() + ", " + (e.cores().isPresent() ? e.cores().getAsInt() + " cores" : "cores unknown") + ", " + e.jdk();
    }

    private static Table scalingPoints(Section s) {
        List<List<String>> rows = new ArrayList<>();
        for (Scaling sc : s.scaling()) {
            for (Scaling.Point p : sc.points()) {
                SummaryTable.Row r = p.row();
                rows.add(List.of(sc.strategy(), sc.cache(), String.valueOf(p.threads()),
                        r.timeCell(), Cells.ratio(p.speedup().ratio(), p.speedup().ratioCi()),
                        Cells.optional(r.efficiency(), Cells::decimal),
                        Cells.optional(p.karpFlatt(), Cells::decimal)));
            }
        }
        List<String> notes = new ArrayList<>(List.of("Karp–Flatt e = (1/S − 1/p)/(1 − 1/p) (Karp & Flatt 1990) is undefined at 1 thread; "
                + "an e that grows with p points at parallel overhead rather than a fixed serial part."));
        if (s.scaling().stream().flatMap(sc -> sc.points().stream()).anyMatch(p -> p.karpFlatt().filter(e -> e.value() > 1).isPresent())) {
            notes.add("An e above 1 is no serial fraction: the configuration is slower with p threads than sequential with one "
                    + "(S < 1), so more than all of the work behaves as serial. It measures an overhead the threads add (the collector, "
                    + "copies, contention), and says to use fewer threads, not what share of the work is serial.");
        }
        return Table.of("Scaling per thread count — " + s.context(), List.of("strategy", "cache", "threads", "median time [99% CI]",
                "speedup vs sequential [99% CI] (above 1: faster)", "efficiency [99% CI]", "Karp–Flatt serial fraction [99% CI]"), 2, rows, notes);
    }

    private static Table scalingFits(Section s) {
        List<List<String>> rows = new ArrayList<>();
        for (Scaling sc : s.scaling()) {
            Optional<AmdahlFit> a = sc.amdahl();
            Optional<UslFit> u = sc.usl();
            rows.add(List.of(sc.strategy(), sc.cache(), String.valueOf(sc.points().size()), sc.fitBaseline(),
                    Cells.optional(a, f -> Cells.interval(f.serialFraction(), f.serialFractionCi())),
                    Cells.optional(a, f -> Cells.number(f.maxSpeedup())),
                    Cells.optional(u, f -> Cells.interval(f.sigma(), f.sigmaCi())),
                    Cells.optional(u, f -> Cells.interval(f.kappa(), f.kappaCi())),
                    Cells.optional(u, Report::peak),
                    Cells.optional(u, f -> Cells.number(f.rmse()))));
        }
        return Table.of("Scalability fits — " + s.context(), List.of("strategy", "cache", "thread counts", "relative to",
                "Amdahl serial fraction s [99% CI]", "Amdahl limit 1/s (×)", "USL σ contention [99% CI]", "USL κ coherency [99% CI]",
                "USL peak N* threads [range]", "USL rmse"), 4, rows,
                List.of("n/a: the Amdahl fit needs " + AmdahlFit.MIN_POINTS + " thread counts and the USL fit " + UslFit.MIN_POINTS
                                + " (two of them above 1); a limit or peak is n/a when the fit has none (s = 0, κ = 0).",
                        "Fits are on capacity relative to the strategy's own 1-thread time where measured, else to sequential; "
                                + "intervals are asymptotic (Jacobian covariance), the N* range is the one σ and κ's intervals allow."));
    }

    /** N* with the range its parameters' intervals allow (N* falls as σ or κ grows). */
    private static String peak(UslFit f) {
        if (f.peakConcurrency().isEmpty()) {
            return Cells.NA;
        }
        double lo = Math.sqrt((1 - f.sigmaCi().upper()) / f.kappaCi().upper());
        String hi = f.kappaCi().lower() > 0 ? Cells.number(Math.sqrt((1 - f.sigmaCi().lower()) / f.kappaCi().lower())) : "∞";
        return Cells.number(f.peakConcurrency().getAsDouble()) + " [" + Cells.number(lo) + ", " + hi + "]";
    }

    private static Table limits(Section s) {
        List<List<String>> rows = new ArrayList<>();
        for (Limits l : s.limits()) {
            SummaryTable.Row best = l.best();
            Optional<Ceiling> c = l.ceiling();
            rows.add(List.of(l.cache(), Charts.configName(best),
                    best.timeCell(),
                    Cells.optional(l.rawRead(), r -> Cells.number(r.medianMillis()) + " ms (" + Charts.configName(r) + ")"),
                    Cells.optional(c, x -> Cells.number(x.decodeBoundTime()) + " ms (" + Cells.number(x.singleCoreDecodeTime())
                            + " ms / " + x.cores() + " cores)"),
                    Cells.optional(c, x -> Cells.number(x.ceilingTime()) + " ms"),
                    Cells.optional(c, x -> x.limit() == Ceiling.Limit.RAW_READ ? "raw read" : "decode"),
                    Cells.optional(c, x -> String.format(Locale.ROOT, "%.0f%%", x.percentOfCeiling()))));
        }
        List<String> notes = new ArrayList<>();
        notes.add("Ceiling = max(raw-read time, decode time / cores); % of ceiling = ceiling / best time (100% = at the bound; "
                + "above 100% means a bound is not tight).");
        s.limits().stream().filter(l -> !l.missing().isEmpty())
                .forEach(l -> notes.add("cache " + l.cache() + ": n/a because " + String.join("; ", l.missing())));
        return Table.of("Limits — " + s.context(), List.of("cache", "best strategy", "best median [99% CI]", "raw-read bound",
                "decode bound", "ceiling", "limited by", "% of ceiling"), 2, rows, notes);
    }

    private static Table cpuUse(Section s) {
        List<List<String>> rows = new ArrayList<>();
        for (CpuUse c : s.cpu()) {
            rows.add(List.of(Charts.configName(c.row()), c.row().result().param("cache").orElse("memory"), c.row().timeCell(),
                    Cells.time(c.busy(), "ms"), Cells.number(c.floorMs()), Cells.optional(c.coresBusy(), Cells::percent),
                    Cells.number(c.stealMs())));
        }
        String cores = s.environment().cores().isPresent() ? s.environment().cores().getAsInt() + " cores" : "cores";
        return Table.of("CPU per shot — " + s.context(), List.of("configuration", "cache", "median time [99% CI]",
                "CPU busy, all cores [99% CI]", "CPU floor ms (busy / " + cores + ")", "cores busy [99% CI]", "stolen ms"), 2, rows,
                List.of("CPU busy = CPU time the whole machine spent outside idle and iowait during the shot, every core summed "
                                + "(/proc/stat: user, nice, system, irq, softirq; 10 ms ticks): child JVMs, GC and JIT threads and the "
                                + "kernel's reading all count, and so would anything else running on the machine.",
                        "CPU floor = busy / cores: the shot time of the same work with every core busy throughout; no schedule "
                                + "on this machine beats it without doing less work. Cores busy = busy / (shot time × cores), shot by "
                                + "shot: near 100%, the shot was bound by the CPU; well under it, the cores waited (disk, pipe, a last "
                                + "straggling file). Stolen = time the hypervisor gave these CPUs to someone else (n/a if not counted); "
                                + "n/a elsewhere: cores unknown."));
    }

    private static Table coldOverlaps(Section s) {
        List<List<String>> rows = new ArrayList<>();
        for (ColdOverlap o : s.coldOverlaps()) {
            rows.add(List.of(Charts.configName(o.cold()), o.cold().timeCell(), o.warm().timeCell(), o.rawRead().timeCell(),
                    o.bound() == o.warm() ? "warm" : "raw read", Cells.ratio(o.ratio().ratio(), o.ratio().ratioCi()),
                    Cells.optional(o.overlapBound(), SummaryTable.Row::timeCell),
                    Cells.optional(o.overlapRatio(), r -> Cells.ratio(r.ratio(), r.ratioCi()))));
        }
        return Table.of("Cold against its bounds — " + s.context(), List.of("configuration", "cold median [99% CI]",
                "warm median [99% CI]", "cold raw read [99% CI]", "bound", "cold / bound [99% CI] (1: at the bound)", "overlap bound [99% CI]",
                "cold / overlap bound [99% CI] (1: at the bound)"), 1, rows, List.of(
                "Bound = the larger of the same configuration warm and the fastest cold raw read (" + Charts.configName(
                        s.coldOverlaps().getFirst().rawRead()) + "): a cold load can beat neither. 1.00x: reading and decoding "
                        + "overlapped completely; about 1 + raw read / warm: they added up.",
                "Overlap bound = OverlapBoundBenchmark, cold, at the same thread count: the same reading and decoding at once, "
                        + "no decode waiting for a read. Unlike the bound, it pays for the CPU time that reading from the disk takes "
                        + "from the decoders; 1.00x against it: the load overlaps as well as this machine allows. n/a: not measured. "
                        + "Below the core count the bound's readers run on cores the load leaves idle, so it is lower than such a "
                        + "load can reach."));
    }

    private static Table overheadTimes(Section s) {
        List<List<String>> rows = new ArrayList<>();
        for (SubprocessOverhead o : s.overheads()) {
            SummaryTable.Row r = o.subprocess();
            rows.add(List.of(Charts.configName(r), r.result().param("cache").orElse(""),
                    r.timeCell(), Cells.optional(o.platform(), SummaryTable.Row::timeCell),
                    Cells.optional(o.timeRatio(), x -> Cells.ratio(x.ratio(), x.ratioCi())),
                    Cells.number(o.shippedMB()), Cells.number(o.poolStartMs())));
        }
        return Table.of("Subprocess against in-process platform threads — " + s.context(), List.of("subprocess", "cache",
                "median time [99% CI]", "platform, same threads [99% CI]", "time ratio subprocess / platform [99% CI] (above 1: subprocess slower)",
                "MB shipped per shot", "pool start ms (not timed)"), 2, rows,
                s.overheads().stream().anyMatch(o -> o.platform().isEmpty())
                        ? List.of("n/a for platform: no platform-thread run (split=false) at the same threads and cache state.")
                        : List.of());
    }

    private static Table overheadComponents(Section s) {
        List<List<String>> rows = new ArrayList<>();
        for (SubprocessOverhead o : s.overheads()) {
            String name = Charts.configName(o.subprocess());
            String cache = o.subprocess().result().param("cache").orElse("");
            if (o.components().isEmpty()) {
                rows.add(List.of(name, cache, "all", Cells.NA, Cells.NA));
                continue;
            }
            for (OverheadDecomposition.Component c : o.components().get().components()) {
                rows.add(List.of(name, cache, c.name(), Cells.number(c.mean()), Cells.percent(c.share())));
            }
        }
        return Table.of("Subprocess cost components — " + s.context(), List.of("subprocess", "cache", "component",
                "mean ms per shot", "share of components [99% CI]"), 3, rows,
                List.of("Milliseconds of work summed over files; children run concurrently, so the components can add up to more "
                        + "than the shot. Shares come from the per-shot means, resampled by shot (stats.OverheadDecomposition)."));
    }
}
