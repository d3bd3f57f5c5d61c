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
    void aLoadReadyFirstWinsFromTheStartAndAStoreAsFastNeverLoses() {
        assertEquals(0, StoreCosts.nStar(10, 20, 0.005, 0.0001));
        assertEquals(Double.POSITIVE_INFINITY, StoreCosts.nStar(250, 20, 0.0001, 0.0001));
        assertEquals("never", StoreCosts.lookups(Double.POSITIVE_INFINITY));
    }
}
