package dictbench.load;

import static dictbench.load.SubprocessTestSupport.assertNoChildProcesses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.dataset.BinaryFormat;
import dictbench.dataset.FormatException;
import dictbench.dataset.Manifest;
import dictbench.load.SubprocessStrategy.Mode;
import dictbench.load.subprocess.FaultyWorker;
import dictbench.load.subprocess.Worker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every way a child can fail, with {@link FaultyWorker} (and the real worker on a corrupt file):
 * the load fails with a message naming the file, the child's pid, how it ended and its stderr, and
 * no child process survives. No test asserts a duration: the class timeout only turns a hang (a
 * child left alive, a read never ended) into a failure.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubprocessFaultTest {
    /** Longer than the class timeout: faults other than a hang must be detected without the per-file timeout. */
    private static final Duration NEVER = Duration.ofMinutes(10);
    private static final Duration SHORT = Duration.ofSeconds(2);
    private static final Pattern PID = Pattern.compile("subprocess worker pid \\d+ failed");

    @TempDir
    static Path dir;
    static Manifest data;
    static Path first;
    static Path second;

    @BeforeAll
    static void generate() throws IOException {
        data = SubprocessTestSupport.dataset(dir, "binary", 2, 300);
        first = data.paths().get(0);
        second = data.paths().get(1);
    }

    private static SubprocessStrategy faulty(Mode mode, int threads, Duration timeout, String... jvmArgs) throws IOException {
        SubprocessStrategy s = SubprocessStrategy.of(mode, threads, timeout, FaultyWorker.class.getName(), List.of(jvmArgs));
        try {
            s.start(data.totalBytes());
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /**
     * Loads {@code files} through one faulty worker started with {@code jvmArgs}; checks what every
     * failure must do (name the worker and the file, destroy a pool, leave no child) and returns it.
     */
    private static IOException loadFails(Mode mode, List<Path> files, Duration timeout, String... jvmArgs) throws Exception {
        IOException e;
        try (SubprocessStrategy s = faulty(mode, 1, timeout, jvmArgs)) {
            e = assertThrows(IOException.class, () -> s.load(files, new BinaryFormat()));
            if (mode == Mode.POOL) {
                IOException again = assertThrows(IOException.class, () -> s.load(files, new BinaryFormat()));
                assertTrue(again.getMessage().contains("destroyed"), again.getMessage());
            }
        }
        assertTrue(PID.matcher(e.getMessage()).find(), e.getMessage());
        String message = e.getMessage();
        assertTrue(files.stream().anyMatch(f -> message.contains("failed loading " + f + ": ")), message);
        assertNoChildProcesses();
        return e;
    }

    /** Loads the first file through a worker with fault {@code kind}. */
    private static IOException loadFails(Mode mode, String kind, Duration timeout) throws Exception {
        return loadFails(mode, List.of(first), timeout, "-Dfaulty=" + kind);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void childExitingNonZeroIsReportedWithItsStatusAndStderr(Mode mode) throws Exception {
        IOException e = loadFails(mode, "exit", NEVER);
        assertTrue(e.getMessage().contains("it exited with status " + FaultyWorker.EXIT_STATUS), e.getMessage());
        assertTrue(e.getMessage().contains(FaultyWorker.STDERR_MESSAGE + " " + first), e.getMessage());
        assertTrue(e.getMessage().contains("loading " + first), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void childKilledBySignalIsReportedAsSuch(Mode mode) throws Exception {
        IOException e = loadFails(mode, "signal", NEVER);
        assertTrue(e.getMessage().contains("killed by signal 9;"), e.getMessage());
        assertFalse(e.getMessage().contains("sent by the parent"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void hangingChildIsDestroyedAfterTheTimeout(Mode mode) throws Exception {
        IOException e = loadFails(mode, "hang", SHORT);
        assertTrue(e.getMessage().contains("timed out after 2.0 s"), e.getMessage());
        assertTrue(e.getMessage().contains("killed by signal 9 (sent by the parent)"), e.getMessage());
    }

    @Test
    void timeoutDestroysTheChildsDescendantsToo() throws Exception {
        IOException e = loadFails(Mode.SPAWN, "grandchild", SHORT);
        assertTrue(e.getMessage().contains("timed out after 2.0 s"), e.getMessage());
        Matcher m = Pattern.compile(FaultyWorker.GRANDCHILD + "(\\d+)").matcher(e.getMessage());
        assertTrue(m.find(), "the grandchild's pid is in the stderr tail: " + e.getMessage());
        // once orphaned it would no longer be our descendant, so look it up by pid
        SubprocessTestSupport.assertGone(Long.parseLong(m.group(1)));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void garbageOnStdoutIsAFormatError(Mode mode) throws Exception {
        IOException e = loadFails(mode, "garbage", NEVER);
        assertInstanceOf(FormatException.class, e.getCause());
        assertTrue(e.getMessage().contains("('oops')"), e.getMessage());
        assertTrue(e.getMessage().contains("stray output on the worker's stdout"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void truncatedFrameIsReported(Mode mode) throws Exception {
        IOException e = loadFails(mode, "truncated", NEVER);
        assertTrue(Pattern.compile("output ended after \\d+ of the \\d+ bytes of its block \\d+").matcher(e.getMessage()).find(), e.getMessage());
    }

    @Test
    void spawnedChildWritingMoreThanItDeclaredIsReported() throws Exception {
        IOException e = loadFails(Mode.SPAWN, "overlong", NEVER);
        assertInstanceOf(FormatException.class, e.getCause());
        assertTrue(e.getMessage().contains("more output follows the frame it declared (first extra byte 0x45)"), e.getMessage());
    }

    @Test
    void poolWorkerWritingMoreThanItDeclaredIsCaughtAtItsNextFrame() throws Exception {
        IOException e = loadFails(Mode.POOL, List.of(first, second), NEVER, "-Dfaulty=overlong");
        assertTrue(e.getMessage().contains("loading " + second), e.getMessage());
        assertTrue(e.getMessage().contains("('EXTR')"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void childThatCannotLoadItsFileReportsItsOwnError(Mode mode) throws Exception {
        Path corrupt = dir.resolve("corrupt.dict");
        Files.writeString(corrupt, "this is not a dictionary file at all", StandardCharsets.US_ASCII);
        IOException e = loadFails(mode, List.of(first, corrupt), NEVER); // the real behaviour: no fault set
        String childsOwn = "it reported: " + FormatException.class.getName() + ": " + corrupt + ": not a dictbench binary file (bad magic) at byte offset 0";
        assertTrue(e.getMessage().contains(childsOwn), e.getMessage());
        if (mode == Mode.SPAWN) {
            assertTrue(e.getMessage().contains("it exited with status " + Worker.EXIT_LOAD_FAILED), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void childThatDiesBeforeHelloIsReportedWithItsStderr(Mode mode) throws Exception {
        SubprocessStrategy s = SubprocessStrategy.of(mode, 1, NEVER, "dictbench.load.NoSuchWorker", List.of());
        IOException e;
        try (s) {
            e = assertThrows(IOException.class, () -> {
                s.start(data.totalBytes());
                s.load(List.of(first), new BinaryFormat());
            });
        }
        assertTrue(e.getMessage().contains("bytes of its hello"), e.getMessage());
        assertTrue(e.getMessage().contains("it exited with status 1"), e.getMessage());
        assertTrue(e.getMessage().contains("dictbench.load.NoSuchWorker"), e.getMessage());
        assertNoChildProcesses();
    }

    /** One child fails at once while another hangs with no timeout in sight: the failure must end both. */
    @ParameterizedTest
    @EnumSource(Mode.class)
    void oneFailingChildDestroysTheOthers(Mode mode) throws Exception {
        try (SubprocessStrategy s = faulty(mode, 2, NEVER, "-Dfaulty=hang", "-Dfaulty." + first.getFileName() + "=exit")) {
            IOException e = assertThrows(IOException.class, () -> s.load(List.of(first, second), new BinaryFormat()));
            assertTrue(e.getMessage().contains("it exited with status " + FaultyWorker.EXIT_STATUS), "the first failure is reported: " + e.getMessage());
        }
        assertNoChildProcesses();
    }

    @Test
    void childrenDieWithAParentThatIsTerminated() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process parent = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SubprocessShutdownProbe.class.getName(), first.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Optional<ProcessHandle> worker = Optional.empty();
        try {
            while (worker.isEmpty() && parent.isAlive()) {
                Thread.sleep(20);
                worker = parent.descendants().findFirst();
            }
            assertTrue(worker.isPresent(), "the probe started a worker");
            parent.destroy(); // SIGTERM: the JVM runs its shutdown hooks
            parent.waitFor();
            SubprocessTestSupport.assertGone(worker.get().pid());
        } finally {
            parent.destroyForcibly();
            worker.ifPresent(ProcessHandle::destroyForcibly); // an orphan if the test failed
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void interruptingTheLoadDestroysEveryChild(Mode mode) throws Exception {
        try (SubprocessStrategy s = faulty(mode, 2, NEVER, "-Dfaulty=hang")) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            List<Boolean> stillInterrupted = new ArrayList<>();
            Thread loader = Thread.ofPlatform().start(() -> {
                try {
                    s.load(List.of(first, second), new BinaryFormat());
                } catch (Throwable t) {
                    thrown.set(t);
                    stillInterrupted.add(Thread.currentThread().isInterrupted());
                }
            });
            // wait until the load is under way: children running, the loader parked on them
            while (ProcessHandle.current().descendants().count() < 2 || loader.getState() != Thread.State.WAITING) {
                Thread.sleep(20);
            }
            loader.interrupt();
            loader.join();
            assertInstanceOf(InterruptedIOException.class, thrown.get());
            assertEquals(List.of(true), stillInterrupted, "the interrupt status is kept");
        }
        assertNoChildProcesses();
    }
}
