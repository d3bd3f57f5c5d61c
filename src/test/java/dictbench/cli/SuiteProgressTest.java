package dictbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.dataset.Datasets;
import dictbench.dataset.Generator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

class SuiteProgressTest {

    @TempDir
    Path root;

    @Test
    void aFailedForkIsNamedByItsOwnExceptionAndTheSuiteCountsWhatRan() throws IOException, RunnerException {
        java.nio.file.Files.createDirectories(root.resolve("datasets"));
        new Generator().generate(Datasets.spec("smoke", root), done -> { });
        ByteArrayOutputStream jmhOut = new ByteArrayOutputStream();
        ByteArrayOutputStream progressOut = new ByteArrayOutputStream();
        SuiteProgress progress = new SuiteProgress(OutputFormatFactory.createFormatInstance(new PrintStream(jmhOut, true), VerboseMode.NORMAL),
                new PrintStream(progressOut, true), 2, 2 * SuiteProgress.work(1, 0, 1));
        var options = new OptionsBuilder().include("dictbench.bench.SequentialLoadBenchmark.").forks(1).warmupIterations(0)
                .measurementIterations(1).param("dataset", "smoke").param("cache", "warm").shouldFailOnError(true)
                .jvmArgsPrepend(BenchCommand.FORK_BASE_FLAGS.toArray(String[]::new)).jvmArgs()
                .jvmArgsAppend("-D" + Datasets.ROOT_PROPERTY + "=" + root);
        // the heap profile this fork really has: it runs, and the suite says one of two is done
        try {
            new Runner(options.param("heap", "default").build(), progress).run();
        } catch (RunnerException e) {
            throw new AssertionError(jmhOut.toString(StandardCharsets.UTF_8), e);
        }
        assertTrue(progressOut.toString(StandardCharsets.UTF_8).startsWith("== suite: 1 of 2 configurations done, "), progressOut.toString());
        // one it does not have: the fork refuses it, and the failure is the fork's own sentence, not JMH's wrapper
        assertThrows(RunnerException.class, () -> new Runner(options.param("heap", "zgc").build(), progress).run());
        Optional<String> failure = progress.forkFailure();
        assertTrue(failure.isPresent() && failure.get().startsWith("java.lang.IllegalStateException: heap=zgc claims the Z collector"),
                failure + "\n" + jmhOut.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theLastStackTraceWithItsDeepestCauseIsTheFailure() {
        SuiteProgress p = new SuiteProgress(OutputFormatFactory.createFormatInstance(new PrintStream(new ByteArrayOutputStream()),
                VerboseMode.SILENT), new PrintStream(new ByteArrayOutputStream()), 1, 1);
        assertEquals(Optional.empty(), p.forkFailure(), "nothing printed, nothing failed");
        p.println("<failure>");
        p.println("java.io.IOException: first trace");
        p.println("\tat x.y(Z.java:1)");
        p.println("org.openjdk.jmh.runner.BenchmarkException: wrapped");
        p.println("\tat a.b(C.java:2)");
        p.println("Caused by: java.lang.IllegalArgumentException: outer");
        p.println("Caused by: dictbench.dataset.DatasetMismatchException: part-001.dict has CRC32C 1, manifest says 2");
        p.println("</failure>");
        assertEquals(Optional.of("org.openjdk.jmh.runner.BenchmarkException: wrapped (caused by dictbench.dataset.DatasetMismatchException: "
                + "part-001.dict has CRC32C 1, manifest says 2)"), p.forkFailure());
    }

    @Test
    void aForkWhoseJvmDidNotStartIsNamedByWhatTheJvmSaid() {
        SuiteProgress p = new SuiteProgress(OutputFormatFactory.createFormatInstance(new PrintStream(new ByteArrayOutputStream()),
                VerboseMode.SILENT), new PrintStream(new ByteArrayOutputStream()), 1, 1);
        p.println("# Fork: 1 of 1");
        p.println("Error occurred during initialization of VM");
        p.println("Initial heap size set to a larger value than the maximum heap size");
        p.println("<forked VM failed with exit code 1>");
        assertEquals(Optional.of("its JVM exited with code 1: Initial heap size set to a larger value than the maximum heap size"),
                p.forkFailure());
        SuiteProgress killed = new SuiteProgress(OutputFormatFactory.createFormatInstance(new PrintStream(new ByteArrayOutputStream()),
                VerboseMode.SILENT), new PrintStream(new ByteArrayOutputStream()), 1, 1);
        killed.println("# Fork: 2 of 3");
        killed.println("# Warmup Iteration   2: <forked VM failed with exit code 137>");
        assertEquals(Optional.of("its JVM was killed by signal 9 (exit code 137)"), killed.forkFailure(), "JMH's own lines are no reason");
    }

    @Test
    void theEtaWeighsEachConfigurationByItsForksAndShots() {
        assertEquals(10.0, SuiteProgress.work(2, 1, 3), "2 forks × (start-up + 1 warm-up + 3 shots)");
        assertEquals(10.0, SuiteProgress.work(5, 0, 1), "a first-load pass: 5 forks × (start-up + 1 shot)");
        assertEquals("9:35", SuiteProgress.clock(Duration.ofSeconds(575)));
    }
}
