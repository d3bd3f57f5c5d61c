package dictbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
        /** A clear error is one line, without a stack trace. */
        void assertOneLineError(String expected) {
            assertEquals(ExitCodes.BAD_INPUT, code, err);
            assertEquals(1, err.strip().lines().count(), err);
            assertTrue(err.startsWith("error: ") && err.contains(expected), err);
            assertFalse(err.contains("\tat "), err);
        }
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void generatesIntoTheGivenDirectory() {
        Outcome o = run("generate", "smoke", "--out", dir.toString());
        assertEquals(ExitCodes.OK, o.code(), o.err());
        assertTrue(Files.isRegularFile(dir.resolve("smoke-binary/manifest.json")));
        assertTrue(o.out().contains("6 files written"), o.out());
    }

    @Test
    void unknownSpecIsOneLine() {
        run("generate", "nope", "--out", dir.toString()).assertOneLineError("dataset spec 'nope' not found");
    }

    @Test
    void unknownFlagIsOneLine() {
        run("generate", "smoke", "--bogus").assertOneLineError("Unknown option: '--bogus'");
    }

    @Test
    void missingCommandIsOneLine() {
        run().assertOneLineError("a command is required");
    }

    @Test
    void badFormatIsOneLine() {
        run("generate", "smoke", "--format", "pickle", "--out", dir.toString()).assertOneLineError("unknown format 'pickle'");
    }

    @Test
    void verboseAddsTheStackTrace() {
        Outcome o = run("generate", "nope", "--verbose");
        assertEquals(ExitCodes.BAD_INPUT, o.code());
        assertTrue(o.err().contains("\tat "), o.err());
    }

    @Test
    void unwritableOutputIsOneLineAndLeavesNothing() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        run("generate", "smoke", "--out", file.resolve("sub").toString()).assertOneLineError("cannot create output directory");
    }
}
