package dictbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.run.Catalogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class StorePassesTest {

    private static List<BenchCommand.Pass> passes(String... args) {
        BenchCommand bench = new BenchCommand();
        new CommandLine(bench).parseArgs(args);
        return bench.storePasses(BenchCommand.STORES.benchmarks());
    }

    private static String describe(BenchCommand.Pass p) {
        return p.heap().key() + "/" + p.jvm().key() + " " + p.benchmarks().stream().map(Catalogue::baseLabel).toList()
                + " f" + p.forks() + " wi" + p.warmups() + " i" + p.measurements();
    }

    @Test
    void theStoresSuiteNamesTheJvmOfEveryPassAndWarmsTheMillisecondOpensLonger() {
        List<String> passes = passes("--suite", "stores", "--forks", "2", "-wi", "2", "-i", "4").stream().map(StorePassesTest::describe).toList();
        assertEquals(List.of(
                "sized/warmed [sequential, platform, forkjoin] f2 wi2 i4",
                "sized/warmed [store-ready] f2 wi20 i40",
                "sized/warmed [load-all] f2 wi2 i4",
                "sized/warmed [scan] f2 wi2 i4",
                "sized/warmed [lookups] f2 wi2 i4",
                "sized/warmed [lookups] f2 wi2 i4",
                "sized/first-load [store-ready, platform, forkjoin] f" + BenchCommand.FIRST_LOAD_FORKS + " wi0 i1",
                "default/warmed [sequential, platform, forkjoin] f2 wi2 i4"), passes);
    }

    @Test
    void heapAndJvmNarrowTheStoresSuiteLikeAnyOther() {
        List<BenchCommand.Pass> warmed = passes("--suite", "stores", "--jvm", "warmed", "--heap", "sized");
        assertTrue(warmed.stream().allMatch(BenchCommand.Pass::isMain), warmed.toString());
        List<BenchCommand.Pass> first = passes("--suite", "stores", "--jvm", "first-load");
        assertEquals(1, first.size(), first.toString());
        assertTrue(first.getFirst().params().get("store").containsAll(List.of("sqlite", "lmdb", "sparkey")), first.toString());
    }
}
