package dictbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dictbench.dataset.DatasetSpec;
import dictbench.dataset.Datasets;
import dictbench.dataset.Generator;
import dictbench.dataset.Manifest;
import dictbench.results.Results;
import dictbench.results.SyntheticResults;
import dictbench.run.RunLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/python/pyload.py on a pickle dataset dictbench generated: CPython reads the manifest's content (its digests,
 * computed in Python, are the manifest's), its JSON reaches the report, and bad input is one line and exit 2. Runs only
 * where a {@code python3} is on the PATH; JUnit reports it skipped, with the reason, where none is.
 */
class CPythonRunnerTest {
    static final Path RUNNER = Path.of("scripts/python/pyload.py").toAbsolutePath();

    @TempDir
    static Path dir;
    static Manifest manifest;

    record Outcome(int code, String out, String err) {
    }

    static boolean pythonFound() {
        try {
            return run(List.of("python3", "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)")).code() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static Outcome run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish in 120 s");
            }
            return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static Outcome pyload(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3", RUNNER.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    @BeforeAll
    static void aPickleDataset() throws IOException {
        assumeTrue(pythonFound(), "no python3 (3.8 or newer) on the PATH: the CPython runner's tests are skipped");
        DatasetSpec smoke = Datasets.spec("smoke", Path.of("").toAbsolutePath());
        DatasetSpec small = new DatasetSpec(smoke.name(), 3, 2000, List.of(1, 1, 2), smoke.keyLength(), smoke.valueLength(),
                smoke.seed(), "pickle", List.of(dir.resolve("data")), smoke.description());
        manifest = new Generator().generate(small, n -> { }).manifest();
    }

    static Path manifestFile() {
        return manifest.paths().getFirst().getParent().resolve("manifest.json");
    }

    @Test
    void pythonsDigestsAreTheManifests() throws IOException {
        Outcome o = pyload("--digest", manifestFile().toString());
        assertEquals(0, o.code(), o.err());
        JsonNode files = new ObjectMapper().readTree(o.out());
        assertEquals(manifest.files().size(), files.size());
        for (int i = 0; i < files.size(); i++) {
            assertEquals(manifest.files().get(i).digest(), files.get(i).path("digest").asText(), files.get(i).toString());
            assertEquals(manifest.files().get(i).entries(), files.get(i).path("entries").asLong());
        }
    }

    @Test
    void theRunnersJsonReachesTheReport() throws IOException {
        Path run = new SyntheticResults().add("PlatformThreadsLoadBenchmark",
                "\"dataset\":\"smoke\",\"format\":\"binary\",\"cache\":\"warm\",\"threads\":\"2\",\"split\":\"false\"", 20).writeTo(dir.resolve("run"));
        SyntheticResults.environment(run, 2, "smoke");
        Outcome o = pyload(manifestFile().toString(), "--ways", "sequential,threads,pool-imap", "--workers", "2", "--cache", "warm",
                "--processes", "1", "--warmups", "0", "--shots", "2", "--out", run.resolve(RunLayout.PYTHON_JSON).toString());
        assertEquals(0, o.code(), o.err());
        Results results = Results.read(List.of(run));
        assertEquals(List.of("python.Sequential.load", "python.ThreadPoolExecutor.load", "python.PoolImapUnordered.load"),
                results.cpython().stream().map(r -> r.benchmark()).toList());
        assertTrue(results.cpython().stream().allMatch(r -> r.primary().all().length == 2 && r.counter(dictbench.run.Counter.FIRST_MAP_MS).isPresent()));
        String md = Report.of(results).markdown();
        assertTrue(md.contains("| warm | CPython 3.") && md.contains("| ThreadPoolExecutor ×2 |"), md);
        assertTrue(md.contains("the time of the JVM's fastest (platform ×2 (binary), heap sized · JVM warmed)"), md);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Outcome unknown = pyload(manifestFile().toString(), "--ways", "asyncio");
        assertEquals(2, unknown.code());
        assertEquals("error: --ways: unknown way 'asyncio'; known: sequential, threads, processes, pool-map, pool-imap, joblib\n", unknown.err());

        Path binary = dir.resolve("binary.json");
        Files.writeString(binary, Files.readString(manifestFile()).replace("\"format\" : \"pickle\"", "\"format\" : \"binary\""));
        Outcome notPickle = pyload(binary.toString());
        assertEquals(2, notPickle.code(), notPickle.err());
        assertTrue(notPickle.err().contains("is a binary dataset; CPython loads pickles: scripts/dictbench generate smoke --format pickle"), notPickle.err());

        Path changed = dir.resolve("changed");
        Files.createDirectories(changed);
        for (Path p : manifest.paths()) {
            Files.copy(p, changed.resolve(p.getFileName()));
        }
        Files.writeString(changed.resolve("manifest.json"), Files.readString(manifestFile()).replace(dir.resolve("data").toString(), changed.toString()));
        Path first = changed.resolve(manifest.paths().getFirst().getFileName());
        byte[] bytes = Files.readAllBytes(first);
        Files.write(first, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        Outcome truncated = pyload(changed.resolve("manifest.json").toString(), "--ways", "sequential", "--processes", "1", "--shots", "2");
        assertEquals(2, truncated.code(), truncated.err());
        assertEquals(1, truncated.err().lines().count(), truncated.err());
        assertTrue(truncated.err().contains("bytes, the manifest says " + bytes.length + ": regenerate it"), truncated.err());
    }
}
