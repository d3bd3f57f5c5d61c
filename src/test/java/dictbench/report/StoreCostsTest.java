package dictbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.results.Results;
import dictbench.results.SyntheticResults;
import dictbench.stats.Bootstrap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCostsTest {
    @TempDir
    Path tmp;

    static final String WARM = "\"dataset\":\"smoke\",\"cache\":\"warm\"";

    /** Loads of 250 ms (HashMaps) and 150 ms (compact); sqlite ready in 20 ms at 5000 ns a lookup, lmdb in 2 ms at 1000 ns. */
    static SyntheticResults run() {
        return new SyntheticResults()
                .add("SequentialLoadBenchmark", WARM + ",\"format\":\"binary\"", 400)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"format\":\"binary\",\"threads\":\"2\",\"split\":\"false\"", 250)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"format\":\"compact\",\"threads\":\"2\",\"split\":\"false\"", 150)
                .add("StoreReadyBenchmark", WARM + ",\"store\":\"sqlite\"", 20)
                .add("StoreReadyBenchmark", WARM + ",\"store\":\"lmdb\"", 2)
                .add("StoreLookupBenchmark", lookups("hashmap"), 10)
                .add("StoreLookupBenchmark", lookups("compact"), 15)
                .add("StoreLookupBenchmark", lookups("sqlite"), 500)
                .add("StoreLookupBenchmark", lookups("lmdb"), 100);
    }

    static String lookups(String way) {
        return WARM + ",\"way\":\"" + way + "\",\"keys\":\"uniform\",\"threads\":\"1\",\"batch\":\"100000\",\"misses\":\"10\"";
    }

    @Test
    void theBreakEvenIsTheLoadsHeadStartOverTheLookupsDifference() throws IOException {
        Path dir = run().writeTo(tmp.resolve("run"));
        var results = Results.read(List.of(dir)).environments().getFirst().datasets().stream().flatMap(d -> d.results().stream()).toList();
        List<StoreCosts> costs = StoreCosts.of(results, Bootstrap.Options.defaults());
        assertEquals(1, costs.size());
        StoreCosts warm = costs.getFirst();
        assertEquals("platform-2", warm.ways().getFirst().readyBy(), "the fastest HashMap load is the eager way's time to ready");
        StoreCosts.BreakEven sqlite = warm.breakEvens().stream().filter(b -> b.store().equals("sqlite") && b.eager().equals("hashmap")).findFirst().orElseThrow();
        assertEquals((250.0 - 20) / (5000e-6 - 100e-6), sqlite.lookups(), 1e-6);
        assertTrue(sqlite.low() <= sqlite.lookups() && sqlite.lookups() <= sqlite.high(), sqlite.toString());
        StoreCosts.BreakEven lmdb = warm.breakEvens().stream().filter(b -> b.store().equals("lmdb") && b.eager().equals("compact")).findFirst().orElseThrow();
        assertEquals((150.0 - 2) / (1000e-6 - 150e-6), lmdb.lookups(), 1e-6);
        String md = Report.of(Results.read(List.of(dir))).markdown();
        assertTrue(md.contains("## Loading upfront against opening a store — E1 · dataset smoke"), md);
        assertTrue(md.contains("sqlite against hashmap: loading upfront pays for itself after 46,939 lookups"), md);
        assertTrue(md.contains("Needing only some lookups (warm): lmdb answers 1,000 lookups"), md);
        assertTrue(md.contains("The compact map loads 1.67× [99% CI"), md); // 250 / 150
        assertTrue(md.contains("A compact map's lookup takes 1.50× [99% CI"), md); // 150 ns / 100 ns
        assertTrue(md.contains("lmdb is ready in 1.33% [99% CI"), md); // 2 ms / 150 ms
    }

    @Test
    void everyHeapProfileAndJvmStateIsItsOwnAnalysisNeverMixedWithTheWarmedOne() throws IOException {
        String firstLoad = ",\"heap\":\"sized\",\"jvm\":\"first-load\"";
        String defaultHeap = ",\"heap\":\"default\",\"jvm\":\"warmed\"";
        Path dir = run()
                // an application's first open and first load: LMDB's library costs it 300 ms, more than the load
                .add("StoreReadyBenchmark", WARM + ",\"store\":\"lmdb\"" + firstLoad, 300)
                .add("StoreReadyBenchmark", WARM + ",\"store\":\"sparkey\"" + firstLoad, 30)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"format\":\"binary\",\"threads\":\"2\",\"split\":\"false\"" + firstLoad, 900)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"format\":\"compact\",\"threads\":\"2\",\"split\":\"false\"" + firstLoad, 600)
                // the default heap: loads only
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"format\":\"binary\",\"threads\":\"2\",\"split\":\"false\"" + defaultHeap, 1200)
                .add("PlatformThreadsLoadBenchmark", WARM + ",\"format\":\"compact\",\"threads\":\"2\",\"split\":\"false\"" + defaultHeap, 300)
                .writeTo(tmp.resolve("run"));
        var results = Results.read(List.of(dir)).environments().getFirst().datasets().stream().flatMap(d -> d.results().stream()).toList();
        List<StoreCosts> costs = StoreCosts.of(results, Bootstrap.Options.defaults());
        assertEquals(List.of("heap sized · JVM warmed · warm", "heap sized · JVM first-load · warm", "heap default · JVM warmed · warm"),
                costs.stream().map(StoreCosts::describe).toList());
        StoreCosts warmed = costs.getFirst();
        assertEquals(2, StoreCosts.medianMillis(warmed.ways().stream().filter(w -> w.way().equals("lmdb")).findFirst().orElseThrow().ready().orElseThrow()),
                1e-9, "the warmed analysis keeps the warmed open");
        String md = Report.of(Results.read(List.of(dir))).markdown();
        assertTrue(md.contains("lmdb is ready in 1.33% [99% CI"), md); // warmed: 2 ms / 150 ms, as without the other profiles
        assertTrue(md.contains("sparkey is ready in 5.00% [99% CI"), md); // first-load: 30 ms / 600 ms
        assertTrue(md.contains("The compact map loads 4.00× [99% CI"), md); // default heap: 1200 / 300
        assertTrue(md.contains("Findings — stores — E1 · dataset smoke · heap default · JVM warmed · warm"), md);
        List<String> readme = StoreFindings.readmeLines(costs.get(1), StoreCosts.entries(results));
        assertTrue(readme.stream().allMatch(l -> l.startsWith("heap sized · JVM first-load · warm: ")), readme.toString());
    }

    @Test
    void aLoadReadyFirstWinsFromTheStartAndAStoreAsFastNeverLoses() {
        assertEquals(0, StoreCosts.nStar(10, 20, 0.005, 0.0001));
        assertEquals(Double.POSITIVE_INFINITY, StoreCosts.nStar(250, 20, 0.0001, 0.0001));
        assertEquals("never", StoreCosts.lookups(Double.POSITIVE_INFINITY));
    }
}
