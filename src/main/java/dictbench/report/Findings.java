package dictbench.report;

import dictbench.format.Cells;
import dictbench.results.BenchmarkResult;
import dictbench.results.EnvironmentKey;
import dictbench.results.Results;
import dictbench.run.Catalogue;
import dictbench.run.Counter;
import dictbench.stats.Speedup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The report's explanations of the numbers that surprise people, each built from the run's own
 * measurements so that it stays true for whatever machine produced them: virtual against platform
 * threads, what the subprocess strategy pays, and tmpfs against disk. Where the data for one is
 * missing, it is left out rather than guessed.
 */
final class Findings {

    /** Datasets that hold the same spec on tmpfs: name on tmpfs → name on disk. */
    static final Map<String, String> TMPFS_TWINS = Map.of("default-tmpfs", "default");

    private Findings() {
    }

    /**
     * Findings within one dataset group: virtual against platform threads, and the subprocess costs
     * ({@code overheads}: {@link SubprocessOverhead#of} of {@code table}, as the report already has them; the
     * costs quoted are their component means, the figures of the report's cost components table).
     */
    static List<String> of(SummaryTable table, OptionalInt cores, List<SubprocessOverhead> overheads) {
        List<String> out = new ArrayList<>();
        out.addAll(virtualAgainstPlatform(table, cores));
        out.addAll(asyncAgainstPlatform(table));
        out.addAll(pickleReaders(table));
        out.addAll(subprocess(overheads, cores));
        return out;
    }

    /** One bullet per cache state with the numbers, then one with the reason. */
    private static List<String> virtualAgainstPlatform(SummaryTable table, OptionalInt cores) {
        List<String> parts = new ArrayList<>();
        boolean moreInFlight = false;
        for (String cache : List.of("warm", "cold")) {
            Optional<SummaryTable.Row> virtual = table.find(Catalogue.VIRTUAL.baseLabel(), cache);
            if (virtual.isEmpty()) {
                continue;
            }
            int carriers = virtual.get().threads().orElse(cores.orElse(1));
            Optional<SummaryTable.Row> platform = table.find(Catalogue.PLATFORM.baseLabel(), cache, OptionalInt.of(carriers));
            if (platform.isEmpty()) {
                continue;
            }
            Speedup ratio = Speedup.of(platform.get().result().primary(), virtual.get().result().primary(), carriers);
            OptionalDouble v = virtual.get().result().secondaryMedian(Counter.FILES_IN_FLIGHT);
            OptionalDouble p = platform.get().result().secondaryMedian(Counter.FILES_IN_FLIGHT);
            String inFlight = v.isEmpty() || p.isEmpty() ? ""
                    : String.format(Locale.ROOT, "; most files in flight at once (median over shots): virtual %.0f, platform %.0f",
                            v.getAsDouble(), p.getAsDouble());
            moreInFlight |= v.isPresent() && p.isPresent() && v.getAsDouble() > p.getAsDouble();
            parts.add(String.format(Locale.ROOT, "cache %s: virtual %s, platform at %d threads %s, platform/virtual %s (%s)%s",
                    cache, virtual.get().timeCell(), carriers, platform.get().timeCell(), Cells.ratio(ratio.ratio(), ratio.ratioCi()),
                    verdict(ratio, "platform", "virtual"), inFlight));
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        String why = moreInFlight
                ? "Virtual threads had more files in flight, which is concurrency, not parallelism: decoding is CPU work that "
                        + "only the cores can do, however many threads wait for them."
                : "Virtual threads had no more files in flight than the platform pool. A virtual thread leaves its carrier "
                        + "only where the JDK can unmount it, and neither reading a file (file I/O captures the carrier; "
                        + "JEP 444 lets the scheduler add a carrier meanwhile, which these counts show seldom happened) nor "
                        + "decoding (CPU work) is such a point, so each virtual thread ran its file start to finish, exactly "
                        + "as a pool thread does: the two do the same work in nearly the same order.";
        List<String> out = new ArrayList<>();
        parts.forEach(part -> out.add("Virtual against platform threads — " + part + "."));
        out.add("Why: " + why + " Virtual threads pay off when tasks wait on sockets or locks, not when they read local files and compute.");
        return out;
    }

    /**
     * The seed's "asyncio will not help you at all", on the JVM: one bullet per cache state and thread count where the
     * async strategy and platform threads both ran, with the time to the first map, then one with the reason.
     */
    private static List<String> asyncAgainstPlatform(SummaryTable table) {
        List<String> out = new ArrayList<>();
        for (SummaryTable.Row async : table.rows()) {
            if (!async.result().is(Catalogue.ASYNC)) {
                continue;
            }
            String cache = async.result().param("cache").orElse("warm");
            Optional<SummaryTable.Row> platform = table.find(Catalogue.PLATFORM.baseLabel(), cache, async.threads());
            if (platform.isEmpty()) {
                continue;
            }
            int threads = async.threads().orElse(1);
            Speedup ratio = Speedup.of(platform.get().result().primary(), async.result().primary(), threads);
            OptionalDouble a = async.result().secondaryMedian(Counter.FIRST_MAP_MS);
            OptionalDouble p = platform.get().result().secondaryMedian(Counter.FIRST_MAP_MS);
            String first = a.isEmpty() || p.isEmpty() ? ""
                    : String.format(Locale.ROOT, "; first map ready after %s ms (async) and %s ms (platform)", Cells.number(a.getAsDouble()),
                            Cells.number(p.getAsDouble()));
            out.add(String.format(Locale.ROOT, "Async file I/O against platform threads — cache %s, %d threads: async %s, platform %s, "
                            + "platform/async %s (%s)%s.", cache, threads, async.timeCell(), platform.get().timeCell(),
                    Cells.ratio(ratio.ratio(), ratio.ratioCi()), verdict(ratio, "platform", "async"), first));
        }
        if (!out.isEmpty()) {
            out.add("Why: on Linux the JDK has no asynchronous file read; AsynchronousFileChannel runs each read as a blocking pread "
                    + "on a thread of its executor, the same threads that decode, so async file I/O is a thread pool behind callbacks, "
                    + "and every file's reads, issued at once, interleave before its decode can start. Python's asyncio has no "
                    + "asynchronous file read either: it hands file I/O to a thread pool.");
        }
        return out;
    }

    /** dictbench's pickle reader against Pyrolite's unpickler, where both decoded the same pickles. */
    private static List<String> pickleReaders(SummaryTable table) {
        Optional<SummaryTable.Row> own = table.find(Catalogue.PICKLE_READER.baseLabel() + "-dictbench", "");
        Optional<SummaryTable.Row> pyrolite = table.find(Catalogue.PICKLE_READER.baseLabel() + "-razorvine", "");
        if (own.isEmpty() || pyrolite.isEmpty()) {
            return List.of();
        }
        Speedup ratio = Speedup.of(pyrolite.get().result().primary(), own.get().result().primary(), 1);
        return List.of(String.format(Locale.ROOT, "Pickle readers, one thread, from memory: dictbench's %s, Pyrolite's unpickler "
                        + "(net.razorvine:pickle) %s; Pyrolite/dictbench %s (%s).", own.get().timeCell(), pyrolite.get().timeCell(),
                Cells.ratio(ratio.ratio(), ratio.ratioCi()), verdict(ratio, "Pyrolite", "dictbench")));
    }

    /** One bullet per subprocess configuration with its costs, then one with the reason. */
    private static List<String> subprocess(List<SubprocessOverhead> overheads, OptionalInt cores) {
        List<String> parts = new ArrayList<>();
        for (SubprocessOverhead o : overheads) {
            if (o.timeRatio().isEmpty() || o.platform().isEmpty()) {
                continue;
            }
            BenchmarkResult r = o.subprocess().result();
            OptionalDouble childDecode = o.componentMean(Counter.CHILD_DECODE_MS);
            OptionalDouble encode = o.componentMean(Counter.CHILD_ENCODE_MS);
            OptionalDouble transfer = o.componentMean(Counter.TRANSFER_MS);
            OptionalDouble parentDecode = o.componentMean(Counter.PARENT_DECODE_MS);
            if (childDecode.isEmpty() || encode.isEmpty() || transfer.isEmpty() || parentDecode.isEmpty()) {
                continue;
            }
            Speedup ratio = o.timeRatio().get();
            double extra = encode.getAsDouble() + parentDecode.getAsDouble();
            parts.add(String.format(Locale.ROOT,
                    "%s at %d threads, cache %s: %s against platform's %s, %s the platform time; per shot (means, summed over "
                            + "files) the children decoded for %.0f ms and encoded for %.0f ms, and the parent decoded again for "
                            + "%.0f ms, so %.0f ms of encoding and decoding that in-process loading never does (%.1f× the "
                            + "children's own decoding), besides %.0f ms the parent spent reading from the pipes",
                    r.label(), o.subprocess().threads().orElse(1), r.param("cache").orElse("?"), o.subprocess().timeCell(),
                    o.platform().get().timeCell(), Cells.ratio(ratio.ratio(), ratio.ratioCi()),
                    childDecode.getAsDouble(), encode.getAsDouble(), parentDecode.getAsDouble(), extra,
                    extra / childDecode.getAsDouble(), transfer.getAsDouble()));
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        parts.forEach(part -> out.add("What the subprocess strategy pays — " + part + "."));
        out.add("Why: a child JVM's map cannot be handed to the parent: it is encoded, copied through a pipe and decoded into "
                + "new objects, the JVM's version of pickling a dict back from a Python worker. That extra work is CPU work "
                + "and competes with the decoding for the same " + cores.stream().mapToObj(String::valueOf).findFirst().orElse("")
                + " cores, so on this machine processes only pay off when the work in the child is much larger than what "
                + "it ships back.");
        return out;
    }

    /**
     * tmpfs against disk: each configuration of {@code tmpfs} (a dataset of {@link #TMPFS_TWINS}) against the same
     * configuration of its disk twin, from the same environment and format.
     */
    /**
     * The collector and memory in words: which in-process strategy is fastest in each heap profile and JVM
     * state (warm cache) and whether the ranking holds; what the subprocess strategy holds in memory against
     * threads; and the recommendation: the profile and flags that made this machine's load fastest, against
     * the JVM's default heap.
     */
    static List<String> collectorAndMemory(List<CollectorMemory> rows, EnvironmentKey env) {
        List<String> out = new ArrayList<>();
        Map<Results.Profile, List<CollectorMemory>> byProfile = new LinkedHashMap<>();
        rows.stream().filter(m -> m.row().result().param("cache").orElse("").equals("warm"))
                .forEach(m -> byProfile.computeIfAbsent(m.profile(), k -> new ArrayList<>()).add(m));
        if (byProfile.size() > 1) {
            // rank like with like: the in-process configurations every profile and state ran
            java.util.function.Function<CollectorMemory, String> config = m -> Charts.configName(m.row());
            Set<String> common = null;
            for (List<CollectorMemory> group : byProfile.values()) {
                Set<String> names = group.stream().filter(m -> !m.row().result().is(Catalogue.SUBPROCESS)).map(config)
                        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
                if (common == null) {
                    common = names;
                } else {
                    common.retainAll(names);
                }
            }
            Set<String> compared = common;
            List<String> parts = new ArrayList<>();
            List<String> orders = new ArrayList<>();
            for (var e : byProfile.entrySet()) {
                List<CollectorMemory> ranked = e.getValue().stream().filter(m -> compared.contains(config.apply(m)))
                        .sorted(Comparator.comparingDouble(m -> m.row().medianMillis())).toList();
                if (ranked.isEmpty()) {
                    continue;
                }
                CollectorMemory best = ranked.getFirst();
                String speedup = best.row().speedup().map(sp -> ", " + Cells.ratio(sp.ratio(), sp.ratioCi()) + " sequential").orElse("");
                parts.add(e.getKey().describe() + ": " + config.apply(best) + " in " + best.row().timeCell() + speedup
                        + best.gcShare().stream().mapToObj(g -> String.format(Locale.ROOT, ", %.0f%% of it GC pauses", 100 * g)).findFirst().orElse(""));
                orders.add(ranked.stream().map(config).collect(java.util.stream.Collectors.joining(" < ")));
            }
            if (parts.size() > 1) {
                // one short bullet per profile, then one for the ranking
                parts.forEach(part -> out.add("Fastest in-process load, warm cache, " + part + "."));
                boolean holds = orders.stream().distinct().count() <= 1;
                out.add("Among " + String.join(", ", compared) + " the ranking " + (holds ? "holds across heap profiles and JVM states ("
                        + orders.getFirst() + ")." : "changes between heap profiles and JVM states: " + String.join(" | ", orders)
                        + " (fastest first, in the order above; neighbours whose intervals overlap are not told apart)."));
            }
        }
        Optional<CollectorMemory> pool = rows.stream().filter(m -> m.row().result().is(Catalogue.SUBPROCESS) && m.peakRssMb().isPresent()
                && m.childPeakRssMb().isPresent())
                .max(Comparator.comparing((CollectorMemory m) -> m.row().result().param("cache").orElse("").equals("warm"))
                        .thenComparingInt(m -> m.row().threads().orElse(1)));
        if (pool.isPresent()) {
            CollectorMemory p = pool.get();
            Optional<CollectorMemory> threads = rows.stream().filter(m -> m.profile().equals(p.profile()) && m.row().result().is(Catalogue.PLATFORM)
                    && m.row().threads().equals(p.row().threads()) && m.peakRssMb().isPresent()
                    && m.row().result().param("cache").equals(p.row().result().param("cache"))).findFirst();
            out.add(String.format(Locale.ROOT, "Memory: %s ×%s peaks at %s MB resident, %s MB of it in its children, each of which holds "
                            + "its own copy of a map before shipping it%s.", p.row().result().label(), p.row().threads().orElse(1),
                    Cells.number(p.peakRssMb()), Cells.number(p.childPeakRssMb()),
                    threads.map(t -> "; platform threads ×" + t.row().threads().orElse(1) + " peak at " + Cells.number(t.peakRssMb()) + " MB")
                            .orElse("")));
        }
        recommendation(rows, env).ifPresent(out::add);
        return out;
    }

    /** The fastest warm in-process configuration's profile and flags, against the same configuration in the default heap. */
    static Optional<String> recommendation(List<CollectorMemory> rows, EnvironmentKey env) {
        List<CollectorMemory> warm = rows.stream().filter(m -> m.row().result().param("cache").orElse("").equals("warm")
                && !m.row().result().is(Catalogue.SUBPROCESS)).toList();
        Optional<CollectorMemory> best = warm.stream().filter(m -> m.profile().jvm().equals("warmed"))
                .min(Comparator.comparingDouble(m -> m.row().medianMillis()));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        CollectorMemory b = best.get();
        Optional<CollectorMemory> atDefault = warm.stream().filter(m -> m.profile().equals(new Results.Profile("default", b.profile().jvm()))
                && m.row().result().benchmark().equals(b.row().result().benchmark())
                && m.row().result().param("threads").equals(b.row().result().param("threads"))
                && m.row().result().param("split").equals(b.row().result().param("split"))).findFirst();
        String flags = env.jvmFlags().stream().filter(f -> f.startsWith("heap " + b.profile().heap() + ": "))
                .map(f -> f.substring(f.indexOf(": ") + 2)).findFirst().orElse("its flags");
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Recommendation: on this machine %s loaded fastest with heap %s (%s): %s",
                Charts.configName(b.row()), b.profile().heap(), flags, b.row().timeCell()));
        if (atDefault.isPresent() && atDefault.get() != b) {
            Speedup vs = Speedup.of(atDefault.get().row().result().primary(), b.row().result().primary(), 1);
            text.append(String.format(Locale.ROOT, vs.ratioCi().lower() > 1 ? ", %s faster than in the JVM's default heap (%s)"
                            : ", %s against the JVM's default heap (%s): not clearly faster, the interval reaches 1",
                    Cells.ratio(vs.ratio(), vs.ratioCi()), atDefault.get().row().timeCell()));
        }
        return Optional.of(text.append(". Start an application that loads its dictionaries at start-up with those flags.").toString());
    }

    static Optional<String> tmpfsAgainstDisk(String tmpfsName, SummaryTable tmpfs, SummaryTable disk) {
        List<String> parts = new ArrayList<>();
        List<String> warmDiffers = new ArrayList<>();
        for (SummaryTable.Row t : tmpfs.rows()) {
            BenchmarkResult tr = t.result();
            for (SummaryTable.Row d : disk.rows()) {
                BenchmarkResult dr = d.result();
                if (!dr.benchmark().equals(tr.benchmark()) || !sameParamsButDataset(tr, dr)) {
                    continue;
                }
                Speedup ratio = Speedup.of(dr.primary(), tr.primary(), 1);
                parts.add(String.format(Locale.ROOT, "%s%s, disk cache %s: tmpfs %s, disk %s, disk/tmpfs %s (%s)",
                        tr.label(), tr.param("threads").map(n -> " at " + n + " threads").orElse(""), dr.param("cache").orElse("?"),
                        t.timeCell(), d.timeCell(), Cells.ratio(ratio.ratio(), ratio.ratioCi()), verdict(ratio, "disk", "tmpfs")));
                if (dr.param("cache").orElse("").equals("warm") && !ratio.ratioCi().contains(1)) {
                    warmDiffers.add(tr.label());
                }
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("tmpfs against disk (" + tmpfsName + " against " + TMPFS_TWINS.get(tmpfsName) + ", the same files) — "
                + String.join("; ", parts) + ". A tmpfs file lives in the page cache, so reading it is always a warm read, and "
                + "a warm file on disk is read from the page cache too: the device is not involved in either. "
                + (warmDiffers.isEmpty()
                        ? "Accordingly the warm rows do not differ. "
                        : "Where warm rows differ (" + String.join(", ", warmDiffers) + "), the difference lies in each "
                                + "filesystem's copy path out of memory"
                                + (warmDiffers.stream().allMatch("raw-read"::equals)
                                        ? ": only reading alone shows it, loading (mostly decoding) does not. "
                                        : ". "))
                + "Only an evicted (cold) disk file has to come from the device, and tmpfs cannot be made cold at all.");
    }

    private static boolean sameParamsButDataset(BenchmarkResult a, BenchmarkResult b) {
        Map<String, String> pa = new java.util.TreeMap<>(a.params());
        Map<String, String> pb = new java.util.TreeMap<>(b.params());
        pa.remove("dataset");
        pb.remove("dataset");
        // the tmpfs twin is always warm: compare it with the disk file warm and cold
        pa.remove("cache");
        pb.remove("cache");
        return pa.equals(pb) && "warm".equals(a.param("cache").orElse(""));
    }

    /** What a ratio T(baseline) / T(strategy) says, in words. */
    private static String verdict(Speedup ratio, String baseline, String strategy) {
        if (ratio.ratioCi().contains(1)) {
            return "no difference this run can resolve";
        }
        return (ratio.ratio() > 1 ? strategy : baseline) + " faster, the interval excludes 1";
    }
}
