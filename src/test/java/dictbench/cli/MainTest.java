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
    void benchRefusesZeroForksAndShotsBeforeGeneratingAnything() {
        run("bench", "--dataset", "smoke", "--forks", "0").assertOneLineError("--forks must be at least 1, got 0 (0 would run in this JVM");
        run("bench", "--dataset", "smoke", "--iterations", "0").assertOneLineError("--iterations must be at least 1, got 0");
        run("bench", "--dataset", "smoke", "--heap", "cms").assertOneLineError("--heap: unknown heap profile 'cms'; known: [sized, default,");
        run("bench", "--dataset", "smoke", "--jvm", "cold").assertOneLineError("--jvm: unknown JVM state 'cold'; known: [warmed, first-load]");
    }

    @Test
    void missingCommandIsOneLine() {
        run().assertOneLineError("a command is required");
    }

    @Test
    void badFormatIsOneLine() {
        run("generate", "smoke", "--format", "parquet", "--out", dir.toString()).assertOneLineError("unknown format 'parquet'; known: [binary, java-serial, compact, pickle, sqlite, lmdb, sparkey]");
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

    @Test
    void anOutputThatIsAFileSaysSoAndWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        run("generate", "smoke", "--out", file.toString()).assertOneLineError("cannot create output directory " + file.resolve("smoke-binary"));
        run("bench", "--dataset", "smoke", "--out", file.toString()).assertOneLineError(file + ": exists and is not a directory; choose another --out");
        assertEquals("x", Files.readString(file), "the file is left as it was");
        // the class, wherever the JDK names only the path: say what it means
        assertEquals(file + ": already exists, and is not the directory that was to be made there; give a directory, or move the file away",
                Errors.oneLine(new java.nio.file.FileAlreadyExistsException(file.toString())));
        assertEquals(file + ": not a directory; give a directory", Errors.oneLine(new java.nio.file.NotDirectoryException(file.toString())));
        assertEquals(file + ": file system loop", Errors.oneLine(new java.nio.file.FileSystemLoopException(file.toString())));
    }

    @Test
    void twoSpecsOfOneNameAreRefusedBeforeEitherIsGenerated() throws Exception {
        Path a = Files.createDirectories(dir.resolve("a")).resolve("x.properties");
        Path b = Files.createDirectories(dir.resolve("b")).resolve("x.properties");
        Files.writeString(a, "files=1\nentries=10\nkey.length=4-8\nvalue.length=4-8\nseed=1\nformat=binary\ndirs=" + dir.resolve("data") + "\n");
        Files.writeString(b, Files.readString(a).replace("seed=1", "seed=2"));
        run("bench", "--dataset", a + "," + b, "--out", dir.resolve("run").toString())
                .assertOneLineError("--dataset: " + a + " and " + b + " are both named 'x'; a run tells datasets apart by name");
        assertTrue(Files.notExists(dir.resolve("data")) && Files.notExists(dir.resolve("run")), "nothing generated, nothing written");
    }

    @Test
    void moreSubprocessChildrenThanTheMachineHoldsAreRefusedBeforeTheRun() {
        // smoke's children get the minimum heap, 256 MB + 128 MB beyond it: 4096 of them need 1.5 TB
        assertEquals(ExitCodes.OK, run("generate", "smoke").code(), "the check needs the dataset's file sizes; generating it is not the error");
        Outcome o = run("bench", "--dataset", "smoke", "--only", "subprocess-pool", "--threads", "4096", "--out", dir.resolve("run").toString());
        o.assertOneLineError("--threads 4096 for the subprocess strategy on smoke: 4096 child JVMs of 0.40 GB each");
        assertTrue(o.err().contains("more than this machine's") && o.err().contains("use at most"), o.err());
        assertTrue(Files.notExists(dir.resolve("run")), "nothing was started or written");
    }

    /** Every command, given an unknown flag, a missing file, a wrong type or an out-of-range value: one line, exit 2. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            bench --bogus                                  | Unknown option: '--bogus'
            bench --threads 0                              | --threads values must be in 1..4096, got 0
            bench --threads two                            | Invalid value for option '--threads'
            bench --threads 5000                           | --threads values must be in 1..4096, got 5000
            bench --publish --out /tmp/x                   | --publish and --out both say where the run goes; give one
            bench --only subprocess-pool --mode spawn      | --only names subprocess mode(s) [pool] but --mode says [spawn]
            publish results/no-such-run                    | results/no-such-run is not a run directory under results/
            bench --cache hot                              | --cache must be warm or cold, got 'hot'
            bench --mode fork                              | --mode must be spawn or pool, got 'fork'
            bench --only NoSuchBenchmark                   | --only: unknown benchmark 'NoSuchBenchmark'
            bench --forks many                             | Invalid value for option '--forks'
            bench --dataset nope                           | dataset spec 'nope' not found
            report --bogus results                         | Unknown option: '--bogus'
            report /no/such/results                        | /no/such/results
            compare --baseline /no/a.json --current /no/b.json | /no/a.json
            compare --baseline a --current b --threshold lots  | is not a percentage like 5% or a fraction like 0.05
            compare --baseline a --current b --threshold 5     | is ambiguous
            compare --baseline a --current b --correction x    | is not a correction; use holm or bh
            calibrate /no/such/calibration                 | no calibration runs; make them with scripts/calibrate-gate
            calibrate                                      | Missing required parameter: 'DIR'
            generate smoke --entries 5                     | Unknown options: '--entries'
            """)
    void everyCommandAnswersBadInputInOneLine(String args, String expected) {
        run(args.strip().split("\\s+")).assertOneLineError(expected.strip());
    }
}
