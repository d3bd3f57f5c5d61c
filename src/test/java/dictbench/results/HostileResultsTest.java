package dictbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results a careless or hostile user might give the report or the gate: refused by name, in bounded time. */
class HostileResultsTest {
    @TempDir
    Path dir;

    static final String SEQ = "dictbench.bench.SequentialLoadBenchmark.load";

    Path write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        return f;
    }

    @Test
    void trailingContentAfterTheJsonIsRefused() throws IOException {
        String one = "[" + JmhResultsTest.result(SEQ, "", "[[1.0,2.0],[3.0,4.0]]") + "]";
        ResultsException e = assertThrows(ResultsException.class, () -> JmhResults.read(write("t.json", one + "\n[]")));
        assertTrue(e.getMessage().contains("is not JSON"), e.getMessage());
        Path env = dir.resolve("e/environment.json");
        Files.createDirectories(env.getParent());
        SyntheticResults.environment(env.getParent(), 2, "default");
        Files.writeString(env, Files.readString(env) + " {}");
        assertTrue(assertThrows(ResultsException.class, () -> Environment.read(env)).getMessage().contains("is not a dictbench environment"));
    }

    @Test
    void anEnvironmentWithImpossibleFactsIsRefused() throws IOException {
        Path d = dir.resolve("zero");
        Files.createDirectories(d);
        SyntheticResults.environment(d, 2, "default");
        Path env = d.resolve("environment.json");
        Files.writeString(env, Files.readString(env).replace("\"cores\" : 2", "\"cores\" : 0"));
        ResultsException e = assertThrows(ResultsException.class, () -> Environment.read(env));
        assertTrue(e.getMessage().contains("cores is 0, not a machine's core count"), e.getMessage());
        Files.writeString(env, "null");
        assertTrue(assertThrows(ResultsException.class, () -> Environment.read(env)).getMessage().contains("is empty"));
    }

    @Test
    void moreShotsThanTheStatisticsCanTakeAreRefusedQuickly() throws IOException {
        StringBuilder raw = new StringBuilder("[[");
        for (int i = 0; i <= JmhResults.MAX_SHOTS; i++) {
            raw.append(i == 0 ? "" : ",").append(100 + i % 7);
        }
        raw.append("]]");
        Path f = write("many.json", "[" + JmhResultsTest.result(SEQ, "", raw.toString()) + "]");
        ResultsException e = assertThrows(ResultsException.class, () -> JmhResults.read(f));
        assertTrue(e.getMessage().contains("holds " + (JmhResults.MAX_SHOTS + 1) + " shots"), e.getMessage());
    }

    @Test
    void aThreadsParamThatIsNotACountIsRefusedByName() throws IOException {
        Path f = write("threads.json", "[" + JmhResultsTest.result(SEQ, "\"threads\":\"two\"", "[[1.0,2.0],[3.0,4.0]]") + "]");
        ResultsException e = assertThrows(ResultsException.class, () -> JmhResults.read(f));
        assertTrue(e.getMessage().contains("its threads param is 'two', not a thread count"), e.getMessage());
    }

    @Test
    void aScoreOfZeroOrLessIsRefusedNotDividedBy() throws IOException {
        // it surfaced as "baseline: every time must be > 0" from deep inside the speedup
        for (String raw : List.of("[[0.0,2.0],[3.0,4.0]]", "[[1.0,2.0],[-3.0,4.0]]")) {
            Path f = write("zero.json", "[" + JmhResultsTest.result(SEQ, "", raw) + "]");
            ResultsException e = assertThrows(ResultsException.class, () -> JmhResults.read(f));
            assertTrue(e.getMessage().contains("and every score must be > 0; rerun the benchmark, or remove this result"), e.getMessage());
        }
        Path counterZero = write("counter.json", "[" + JmhResultsTest.result(SEQ, "", "[[1.0,2.0],[3.0,4.0]]") + "]");
        assertEquals(1, JmhResults.read(counterZero).size(), "a positive score reads");
    }

    @Test
    void sampleModeHistogramsAreRefusedByName() throws IOException {
        String sample = JmhResultsTest.result(SEQ, "", "[[1.0]]").replace("\"rawData\":[[1.0]]",
                "\"rawDataHistogram\":[[[[1.0,3],[2.0,1]]]]").replace("\"mode\":\"ss\"", "\"mode\":\"sample\"");
        ResultsException e = assertThrows(ResultsException.class, () -> JmhResults.read(write("sample.json", "[" + sample + "]")));
        assertTrue(e.getMessage().contains("holds a histogram (JMH's sample mode, -bm sample)"), e.getMessage());
    }

    @Test
    void aFifoBesideTheResultsIsNotOpened() throws Exception {
        Path json = write("r/jmh.json", "[" + JmhResultsTest.result(SEQ, "", "[[1.0,2.0],[3.0,4.0]]") + "]");
        Process p = new ProcessBuilder("mkfifo", json.resolveSibling("environment.json").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(p.waitFor() == 0, "needs mkfifo");
        ResultsException e = assertThrows(ResultsException.class, () -> Environment.beside(json));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        assertEquals(1, JmhResults.read(json).size(), "the results themselves are fine");
    }
}
