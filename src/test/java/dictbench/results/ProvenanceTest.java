package dictbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.run.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void aRunsRecordSurvivesEnvironmentJsonAndReachesItsSource() throws IOException {
        Path run = new SyntheticResults().add("SequentialLoadBenchmark", "\"dataset\":\"smoke\",\"cache\":\"warm\"", 100).writeTo(dir.resolve("run"));
        SyntheticResults.environment(run, 2, "smoke");
        Path env = run.resolve(RunLayout.ENVIRONMENT_JSON);
        Provenance made = new Provenance("0123456789abcdef0123456789abcdef01234567", true, "ab".repeat(32), "bench --quick", "quick",
                "first try", "2026-12-02T10:00:00Z", "2026-12-02T10:02:00Z");
        Environment.read(env).withRun(made).write(env);

        assertEquals(made, Environment.read(env).run());
        Results.Source source = Results.read(List.of(run)).sources().getFirst();
        assertEquals(Optional.of(made), source.run());
        assertEquals("commit 0123456 with uncommitted changes · dictbench bench --quick · label \"first try\" · 2026-12-02T10:00:00Z to "
                + "2026-12-02T10:02:00Z", made.describe());
    }

    @Test
    void aRunRecordedBeforeProvenanceHasNoneAndStillReads() throws IOException {
        Path run = new SyntheticResults().add("SequentialLoadBenchmark", "\"dataset\":\"smoke\",\"cache\":\"warm\"", 100).writeTo(dir.resolve("old"));
        SyntheticResults.environment(run, 2, "smoke");
        assertTrue(!Files.readString(run.resolve(RunLayout.ENVIRONMENT_JSON)).contains("\"run\""), "an old environment has no run field");
        assertEquals(Optional.empty(), Results.read(List.of(run)).sources().getFirst().run());
    }

    @Test
    void outsideACheckoutAndWithoutAJarTheCommitAndJarAreUnknown() throws IOException {
        Provenance p = Provenance.of(dictbench.os.GitCheckout.at(dir), Optional.empty(), "bench", "full", null, Instant.parse("2026-12-02T10:00:00.5Z"));
        assertEquals(Provenance.UNKNOWN, p.commit());
        assertEquals(Provenance.UNKNOWN, p.jarSha256());
        assertEquals("2026-12-02T10:00:00Z", p.started(), "to the second");
    }

    @Test
    void theJarsHashIsItsSha256() throws IOException {
        Path jar = Files.writeString(dir.resolve("x.jar"), "abc");
        Provenance p = Provenance.of(Optional.empty(), Optional.of(jar), "ab", "ab", "A", Instant.now());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", p.jarSha256(), "SHA-256 of 'abc' (FIPS 180-2)");
    }
}
