package dictbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.results.Environment;
import dictbench.results.JmhResults;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dictbench ab} on two stand-in jars ({@link FakeJmh}): rounds in turn, sides merged, the gate's verdict. */
class AbCommandTest {
    @TempDir
    Path dir;

    /** A runnable jar holding only {@link FakeJmh}. */
    Path fakeJar(String name) throws IOException {
        Path jar = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeJmh.class.getName());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream clazz = FakeJmh.class.getResourceAsStream("FakeJmh.class")) {
            out.putNextEntry(new JarEntry("dictbench/cli/FakeJmh.class"));
            clazz.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void runsTheJarsInTurnMergesEachSideAndJudgesB() throws IOException {
        Path a = fakeJar("a.jar");
        Path b = fakeJar("slow.jar");
        Path out = dir.resolve("ab");
        Path order = dir.resolve("order.txt");
        MainTest.Outcome o = MainTest.run("ab", "--a", a.toString(), "--b", b.toString(), "--names", "old,new", "--rounds", "2",
                "--out", out.toString(), "--", "SequentialLoadBenchmark", "order=" + order);
        assertEquals(ExitCodes.REGRESSION, o.code(), o.err());
        assertEquals(List.of("a.jar", "slow.jar", "a.jar", "slow.jar"), Files.readAllLines(order), "A then B, round after round");
        for (String side : List.of("old", "new")) {
            for (String f : List.of("rounds/1.json", "rounds/1.log", "rounds/2.json", "jmh.json", "environment.json", "summary.md", "report.html")) {
                assertTrue(Files.isRegularFile(out.resolve(side).resolve(f)), side + "/" + f);
            }
            assertEquals(6, JmhResults.read(out.resolve(side).resolve("jmh.json")).getFirst().primary().forkCount(),
                    "both rounds' forks");
            assertEquals(List.of("-Xmx1g"), Environment.read(out.resolve(side).resolve("environment.json")).jvmArgs(),
                    "the forks' flags, as JMH recorded them");
        }
        assertTrue(o.out().startsWith("## dictbench performance gate: FAIL, 1 regressed"), o.out());
        assertEquals(o.out(), Files.readString(out.resolve("compare/gate.md")));
        assertFalse(o.out().contains("not comparable") || o.out().contains("forced"), "both sides describe one environment: " + o.out());
        assertTrue(o.err().contains("round 2 of 2: new done"), o.err());
    }

    @Test
    void aFailedRoundStopsTheExperimentNamingItsLog() throws IOException {
        Path out = dir.resolve("ab");
        MainTest.Outcome o = MainTest.run("ab", "--a", fakeJar("a.jar").toString(), "--b", fakeJar("b.jar").toString(),
                "--out", out.toString(), "--", "fail");
        assertEquals(ExitCodes.BAD_INPUT, o.code(), o.err());
        List<String> lines = o.err().strip().lines().toList();
        assertEquals(List.of("round 1 of 2: A (" + dir.resolve("a.jar") + ") ...", "error: round 1 of A failed (exit 3): benchmark failed: "
                + "boom; its output is in " + out.resolve("A/rounds/1.log")), lines, "progress, then one line saying what failed");
        assertFalse(Files.exists(out.resolve("A/rounds/1.json")));
        assertFalse(Files.exists(out.resolve("B")), "B never ran");
    }

    @Test
    void badArgumentsAreOneLine() throws IOException {
        Path a = fakeJar("a.jar");
        MainTest.run("ab", "--a", a.toString(), "--b", dir.resolve("nope.jar").toString(), "--out", dir.resolve("x").toString(), "--", "X")
                .assertOneLineError("no such jar: " + dir.resolve("nope.jar"));
        MainTest.run("ab", "--a", a.toString(), "--b", a.toString(), "--names", "same,same", "--out", dir.resolve("x").toString(), "--", "X")
                .assertOneLineError("--names needs two different names");
        MainTest.run("ab", "--a", a.toString(), "--b", a.toString(), "--out", dir.resolve("x").toString(), "--", "X", "-rff", "y.json")
                .assertOneLineError("JMH argument -rff is set by dictbench ab");
        MainTest.run("ab", "--a", a.toString(), "--b", a.toString(), "--rounds", "0", "--out", dir.resolve("x").toString(), "--", "X")
                .assertOneLineError("--rounds must be at least 1");
        Files.writeString(Files.createDirectories(dir.resolve("used")).resolve("old.json"), "[]");
        MainTest.run("ab", "--a", a.toString(), "--b", a.toString(), "--out", dir.resolve("used").toString(), "--", "X")
                .assertOneLineError("is not empty; give a new directory");
    }
}
