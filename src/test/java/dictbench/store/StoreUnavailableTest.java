package dictbench.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.os.JvmFlags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store whose native library will not load is one line naming it and the platform, exit 2; the others still build. */
class StoreUnavailableTest {

    @TempDir
    Path dir;

    private Result generate(String format) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(JvmFlags.ACCESS);
        command.add("-Dlmdbjava.native.lib=" + dir.resolve("no-such-liblmdb.so")); // lmdbjava loads this instead of its own
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dictbench.cli.Main",
                "generate", "smoke", "--format", format, "--out", dir.resolve("data").toString()));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), err);
    }

    private record Result(int exit, String err) {
    }

    @Test
    void aStoreWithoutItsNativeLibrarySaysWhichAndWhereInOneLine() throws Exception {
        Result lmdb = generate("lmdb");
        assertEquals(2, lmdb.exit(), lmdb.err());
        List<String> lines = lmdb.err().lines().filter(l -> !l.isBlank() && !l.startsWith("generate ")).toList(); // progress lines aside
        assertEquals(1, lines.size(), lmdb.err());
        assertTrue(lines.getFirst().startsWith("error: lmdb cannot run on this platform (" + System.getProperty("os.name")), lines.getFirst());
        assertTrue(lines.getFirst().contains("[sqlite, sparkey]"), lines.getFirst());
        assertFalse(java.nio.file.Files.exists(dir.resolve("data").resolve("smoke-lmdb")), "no empty store directory is left");
        Result sparkey = generate("sparkey");
        assertEquals(0, sparkey.exit(), sparkey.err());
    }
}
