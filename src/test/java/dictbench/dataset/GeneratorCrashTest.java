package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.os.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generator killed with SIGKILL at any point leaves, under each final name, either a complete
 * file or none; rerunning completes the set.
 */
class GeneratorCrashTest {
    /** Four files of ~10 MB: long enough writes that the kills land inside them. */
    static final String SPEC = "files=4\nentries=150000\nkey.length=12-24\nvalue.length=24-72\nseed=7\nformat=binary\ndirs=unused\n";

    @TempDir
    Path dir;

    private Process startGenerator(Path out) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dictbench.cli.Main",
                "generate", dir.resolve("crash.properties").toString(), "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void killedGeneratorLeavesCompleteFilesOrNoneAndRerunCompletes() throws Exception {
        Files.writeString(dir.resolve("crash.properties"), SPEC);
        Manifest complete = new Generator().generate(Datasets.spec(dir.resolve("crash.properties").toString(), dir)
                .withDirectories(List.of(dir.resolve("reference"))), n -> { }).manifest();
        List<Long> sizes = complete.files().stream().map(Manifest.FileEntry::bytes).toList();

        // Kill the moment file k starts being written (its name, final or temporary, appears): the
        // write is then surely unfinished, so a writer that used the final name would leave half a file.
        for (int k = 0; k < sizes.size(); k++) {
            Path out = dir.resolve("killed-" + k);
            Path data = out.resolve("crash-binary");
            Process generator = startGenerator(out);
            String prefix = String.format("part-%03d.", k);
            while (generator.isAlive() && !anyStartsWith(data, prefix)) {
                Thread.onSpinWait();
            }
            generator.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            generator.waitFor(30, TimeUnit.SECONDS);
            String killAfter = "file " + k + " began";

            for (int i = 0; i < sizes.size(); i++) {
                Path f = data.resolve(String.format("part-%03d.dict", i));
                if (Files.exists(f)) {
                    assertEquals(complete.files().get(i).crc32c(), Manifest.fileCrc32c(f),
                            "killed when " + killAfter + ": " + f + " is under its final name but not complete");
                }
            }
            Path manifest = data.resolve(Manifest.FILE_NAME);
            if (Files.exists(manifest)) {
                Manifest.read(manifest).verifyFiles(); // a manifest, if written, describes complete files
            }

            Process rerun = startGenerator(out);
            assertTrue(rerun.waitFor(60, TimeUnit.SECONDS) && rerun.exitValue() == 0, "rerun after the kill when " + killAfter);
            Manifest after = Manifest.read(manifest);
            after.verifyFiles();
            assertEquals(complete.files().stream().map(Manifest.FileEntry::crc32c).toList(),
                    after.files().stream().map(Manifest.FileEntry::crc32c).toList());
            try (Stream<Path> left = Files.list(data)) {
                List<Path> temps = new ArrayList<>(left.filter(p -> p.toString().endsWith(AtomicFiles.TEMP_SUFFIX)).toList());
                assertTrue(temps.isEmpty(), "temporary files left after the rerun: " + temps);
            }
        }
    }

    private static boolean anyStartsWith(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        }
    }
}
