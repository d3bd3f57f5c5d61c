package dictbench.load;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.dataset.Generator;
import dictbench.dataset.Manifest;
import dictbench.dataset.TestSpecs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** What the subprocess tests share: small datasets, and the check that no child process outlived a test. */
final class SubprocessTestSupport {
    /** How long the OS may take to reap a child the strategy has already destroyed. */
    private static final long REAP_NANOS = 10_000_000_000L;

    private SubprocessTestSupport() {
    }

    static Manifest dataset(Path dir, String format, int files, long entries) throws IOException {
        return new Generator().generate(TestSpecs.small("t", format, dir, files, entries), n -> { }).manifest();
    }

    /** Fails, naming the survivors, if this JVM still has a child process once a short reap has passed. */
    static void assertNoChildProcesses() throws InterruptedException {
        List<ProcessHandle> survivors = afterReap(() -> ProcessHandle.current().descendants().toList());
        assertTrue(survivors.isEmpty(), () -> "child processes survive: " + survivors.stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.joining("; ")));
    }

    /** Fails if process {@code pid} (perhaps an orphan, no longer our descendant) is alive once a short reap has passed. */
    static void assertGone(long pid) throws InterruptedException {
        List<ProcessHandle> alive = afterReap(() -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).stream().toList());
        assertTrue(alive.isEmpty(), () -> "process " + pid + " survives");
    }

    /** Polls {@code live} until it is empty or the reap time is over; returns what is left. */
    private static List<ProcessHandle> afterReap(Supplier<List<ProcessHandle>> live) throws InterruptedException {
        long deadline = System.nanoTime() + REAP_NANOS;
        List<ProcessHandle> left = live.get();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = live.get();
        }
        return left;
    }
}
