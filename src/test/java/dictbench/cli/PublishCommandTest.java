package dictbench.cli;

import static dictbench.results.SyntheticResults.WARM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.results.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishCommandTest {

    @TempDir
    Path root;

    @BeforeEach
    void twoPublishedRuns() throws IOException {
        for (String[] run : new String[][] {{"2026-12-01-vm", "120"}, {"2026-12-02-vm", "100"}}) {
            Path dir = new SyntheticResults().add("SequentialLoadBenchmark", WARM, 2 * Double.parseDouble(run[1]))
                    .add("PlatformThreadsLoadBenchmark", WARM + ",\"threads\":\"2\",\"split\":\"false\"", Double.parseDouble(run[1]))
                    .writeTo(root.resolve("results").resolve(run[0]));
            SyntheticResults.environment(dir, 2, "smoke");
        }
        Files.writeString(root.resolve("results/runs.properties"), "2026-12-01-vm.supersededBy=2026-12-02-vm\n2026-12-01-vm.about=the first\n");
        Files.writeString(root.resolve("README.md"), "# x\n\n## Latest results\n\n<!-- headline: results/2026-12-01-vm -->\nold text\n"
                + "<!-- /headline -->\n\n## Next\n");
    }

    @Test
    void theHeadlineAndTheIndexAreGeneratedFromTheRuns() throws IOException {
        MainTest.Outcome o = MainTest.run("publish", "results/2026-12-02-vm", "--root", root.toString());
        assertEquals(ExitCodes.OK, o.code(), o.err());
        String readme = Files.readString(root.resolve("README.md"));
        assertTrue(readme.startsWith("# x\n\n## Latest results\n\n<!-- headline: results/2026-12-02-vm -->\n[`results/2026-12-02-vm/`]"), readme);
        assertTrue(readme.contains("| sized | warmed | 200 ms [198, 202] | 100 ms [99.0, 101] | platform ×2 2.00x ["), readme);
        assertTrue(readme.contains("- Warm cache: platform ×2 loaded it 2.00× ["), readme);
        assertTrue(readme.endsWith("<!-- /headline -->\n\n## Next\n") && !readme.contains("old text"), readme);

        String index = Files.readString(root.resolve("results/INDEX.md"));
        assertTrue(index.contains("| 2026-11-23 | [2026-12-01-vm](2026-12-01-vm/) | not recorded | not recorded | the first | Warm cache: platform"), index);
        assertTrue(index.contains("superseded by [2026-12-02-vm](2026-12-02-vm/) |"), index);
        assertTrue(index.contains("**current** (the README's headline) |"), index);

        assertEquals(ExitCodes.OK, MainTest.run("publish", "--check", "--root", root.toString()).code(), "regenerated: up to date");
    }

    @Test
    void checkFailsWhenTheReadmeDriftedFromItsRun() throws IOException {
        assertEquals(ExitCodes.OK, MainTest.run("publish", "--root", root.toString()).code(), "publishes the run the README names");
        Path readme = root.resolve("README.md");
        Files.writeString(readme, Files.readString(readme).replace("120 ms", "90 ms"));
        MainTest.Outcome o = MainTest.run("publish", "--check", "--root", root.toString());
        assertEquals(ExitCodes.REGRESSION, o.code());
        assertTrue(o.out().contains("stale: run scripts/dictbench publish"), o.out());
    }

    @Test
    void aRunOutsideResultsOrAMissingBlockIsRefused() throws IOException {
        MainTest.run("publish", "runs/2026-12-02-vm", "--root", root.toString()).assertOneLineError("is not a run directory under results/");
        Files.writeString(root.resolve("README.md"), "# no block\n");
        MainTest.run("publish", "--root", root.toString()).assertOneLineError("has no headline block");
        Files.writeString(root.resolve("results/runs.properties"), "2026-12-01-vm.supersededBy=2026-12-09-vm\n");
        Files.writeString(root.resolve("README.md"), "<!-- headline: results/2026-12-02-vm -->\n<!-- /headline -->\n");
        MainTest.run("publish", "--root", root.toString()).assertOneLineError("names a run that is not in");
        assertFalse(Files.exists(root.resolve("results/INDEX.md")), "a refused publish writes nothing");
    }

    @Test
    void theStoresBlockFollowsTheRunItIsPointedAt() throws IOException {
        String warm = "\"dataset\":\"smoke\",\"cache\":\"warm\"";
        Path stores = new SyntheticResults()
                .add("PlatformThreadsLoadBenchmark", warm + ",\"format\":\"binary\",\"threads\":\"2\",\"split\":\"false\"", 250)
                .add("PlatformThreadsLoadBenchmark", warm + ",\"format\":\"compact\",\"threads\":\"2\",\"split\":\"false\"", 150)
                .add("StoreReadyBenchmark", warm + ",\"store\":\"lmdb\"", 2)
                .writeTo(root.resolve("results/2026-12-03-vm-stores"));
        SyntheticResults.environment(stores, 2, "smoke");
        Path readme = root.resolve("README.md");
        Files.writeString(readme, Files.readString(readme) + "\n<!-- stores: results/2026-12-02-vm -->\nold stores\n<!-- /stores -->\n");
        MainTest.run("publish", "--root", root.toString()).assertOneLineError("(the README's stores block) has no store results");
        MainTest.run("publish", "--stores", "results/nope", "--root", root.toString()).assertOneLineError("results/nope (the README's stores block) is not a run directory under results/");

        assertEquals(ExitCodes.OK, MainTest.run("publish", "--stores", "results/2026-12-03-vm-stores", "--root", root.toString()).code());
        String text = Files.readString(readme);
        assertTrue(text.contains("<!-- stores: results/2026-12-03-vm-stores -->\n[`results/2026-12-03-vm-stores/`]"), text);
        assertTrue(text.contains("- The compact map loads 1.67× ["), text); // 250 / 150
        assertTrue(text.contains("- lmdb is ready in 0.800% ["), text); // 2 / 250
        assertFalse(text.contains("old stores") || text.contains("99% CI ["), text);
        assertEquals(ExitCodes.OK, MainTest.run("publish", "--check", "--root", root.toString()).code(), "a plain publish keeps the stores run the README names");
    }

    @Test
    void theCheckoutsReadmeAndIndexAreWhatItsRunsSay() {
        // the project's own README headline and results/INDEX.md: a number typed in by hand, or a run changed after, fails here
        MainTest.Outcome o = MainTest.run("publish", "--check", "--root", Path.of("").toAbsolutePath().toString());
        assertEquals(ExitCodes.OK, o.code(), o.out() + o.err());
    }

    @Test
    void theReadmeStaysAGuide() throws IOException {
        long size = Files.size(Path.of("README.md"));
        assertTrue(size <= 15 * 1024, "README.md is " + size + " bytes; the guide stays within 15 KB: method goes to docs/, findings to docs/findings.md");
    }
}
