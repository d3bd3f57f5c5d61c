package dictbench.load.subprocess;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The parent's end of one worker JVM: the process, the frames it exchanges with it ({@link Frames}:
 * hello, requests, result headers and blocks), and everything that keeps it from outliving its
 * purpose: a deadline that destroys it with its descendants, a stop that gives it a short grace
 * before killing it, and a JVM shutdown hook that destroys every live child if the parent itself is
 * told to exit (SIGTERM). When a child misbehaves, {@link #fault} turns the problem into an
 * IOException that says which child it was, how it ended and what it last wrote to stderr — the
 * only place a dying JVM explains itself.
 *
 * <p>Stderr goes to a temporary file rather than a pipe: nothing has to drain it, a chatty child
 * cannot block on a full pipe, and its tail is there to read after the child is gone.
 */
public final class Connection implements AutoCloseable {
    /** How long a child may take to exit by itself once its work is over or its input is closed. */
    static final Duration GRACE = Duration.ofSeconds(2);
    static final int STDERR_TAIL_BYTES = 2048;
    static final int STDERR_TAIL_LINES = 10;
    /** Every child started and not yet closed, for the shutdown hook. */
    private static final Set<Connection> LIVE = ConcurrentHashMap.newKeySet();
    private static final ScheduledThreadPoolExecutor WATCHDOG = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().name("dictbench-subprocess-watchdog").daemon(true).factory());

    static {
        WATCHDOG.setRemoveOnCancelPolicy(true);
        // Also every descendant: a child forked a moment before it was added to LIVE must not survive either.
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("dictbench-subprocess-reaper").unstarted(() -> {
            LIVE.forEach(Connection::kill);
            LIVE.forEach(Connection::deleteStderr); // a log of a child that is gone helps no one once this JVM is gone too
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        }));
    }

    /** A step of work on a child that may block on its pipes. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws IOException;
    }

    private final Process process;
    private final Path stderr;
    private final long launchedNanos;
    private volatile boolean killedByParent;

    private Connection(Process process, Path stderr, long launchedNanos) {
        this.process = process;
        this.stderr = stderr;
        this.launchedNanos = launchedNanos;
    }

    /**
     * Where children's stderr logs go: the directory the system property {@value #LOG_DIR_PROPERTY} names ({@code bench} gives
     * its forks one inside the run, and removes it however a fork ends, even killed outright), else the temporary directory.
     */
    public static final String LOG_DIR_PROPERTY = "dictbench.worker.logs";

    /** Starts {@code command} with stdin and stdout as pipes and stderr into a log file ({@link #LOG_DIR_PROPERTY}). */
    public static Connection start(List<String> command) throws IOException {
        String dir = System.getProperty(LOG_DIR_PROPERTY, "");
        Path stderr = dir.isBlank() ? Files.createTempFile("dictbench-worker-", ".stderr")
                : Files.createTempFile(Files.createDirectories(Path.of(dir)), "dictbench-worker-", ".stderr");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
            long launched = System.nanoTime();
            Connection child = new Connection(builder.start(), stderr, launched);
            LIVE.add(child);
            return child;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(stderr);
            throw e;
        }
    }

    public long pid() {
        return process.pid();
    }

    /** The child's stdout: frames. */
    private InputStream output() {
        return process.getInputStream();
    }

    /** The child's stdin: requests. */
    private OutputStream input() {
        return process.getOutputStream();
    }

    /** Waits for the child's hello; returns the nanoseconds from launching it until then. */
    public long awaitHello() throws IOException {
        Frames.readHello(output());
        return System.nanoTime() - launchedNanos;
    }

    /**
     * Asks a pool worker for {@code path} in {@code format}, to be answered after whatever it is doing. A
     * request is a few hundred bytes and the worker's stdin pipe holds 64 KB, so this does not block.
     */
    public void request(String format, Path path) throws IOException {
        Frames.writeRequest(input(), format, path);
    }

    /** Reads a whole result: its opening, then its blocks, decoded into a map as they arrive ({@link Frames#readResult}). */
    public Frames.Result readResult(Frames.Limits limits) throws IOException {
        return Frames.readResult(output(), limits);
    }

    /** Reads a result's opening ({@link Frames#readResultHeader}); an error frame becomes the child's own message. */
    public Frames.ResultHeader readResultHeader(Frames.Limits limits) throws IOException {
        return Frames.readResultHeader(output(), limits);
    }

    /** Reads the blocks of a result whose opening was read ({@link Frames#readBlocks}). */
    public Frames.Result readBlocks(Frames.ResultHeader header, Frames.Limits limits) throws IOException {
        return Frames.readBlocks(output(), header, limits);
    }

    /** Checks that a spawned child wrote nothing after its frame of {@code frameBytes} (blocks until it closes stdout). */
    public void expectEnd(long frameBytes) throws IOException {
        Frames.expectEnd(output(), frameBytes);
    }

    /**
     * Runs {@code work}, destroying this child and its descendants if it is not done within
     * {@code timeout}: a read blocked on the child's pipe then ends, and this throws "timed out".
     */
    public <T> T withDeadline(Duration timeout, Work<T> work) throws IOException {
        // Set before the kill, so a read that fails because of the kill always sees it. (Cancelling the
        // alarm is no test: a FutureTask still running its kill can be cancelled, and the read may fail
        // before the kill has returned.)
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            fired.set(true);
            kill();
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        T result;
        try {
            result = work.run();
        } catch (IOException | RuntimeException e) {
            alarm.cancel(false);
            if (fired.get()) {
                throw timedOut(timeout, e);
            }
            throw e;
        }
        alarm.cancel(false);
        if (fired.get()) {
            throw timedOut(timeout, null);
        }
        return result;
    }

    private static IOException timedOut(Duration timeout, Exception cause) {
        return new IOException("timed out after " + seconds(timeout) + "; destroyed it and its descendants", cause);
    }

    /** Waits for the child to exit by itself; returns its exit status. */
    public int awaitExit() throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for worker pid " + pid() + " to exit");
        }
    }

    /**
     * Stops the child (grace, then kill) and describes {@code problem} with who the child was, how it
     * ended and the tail of its stderr. {@code doing} says what it was asked, e.g. "loading /data/x".
     */
    public IOException fault(String doing, IOException problem) {
        stop(GRACE);
        return new IOException("subprocess worker pid " + pid() + " failed " + doing + ": " + problem.getMessage()
                + "; " + ending() + "; " + stderrTail(), problem);
    }

    /** Destroys the child and its descendants at once (descendants first: once it dies they are orphans no one can find). */
    public void kill() {
        if (process.isAlive()) {
            killedByParent = true;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Closes the child's stdin; a pool worker exits when it sees EOF there. */
    public void endInput() {
        try {
            input().close();
        } catch (IOException ignored) {
            // the child is gone already: nothing to tell it
        }
    }

    /** Stops the child if it still runs, deletes its stderr log and forgets it. */
    @Override
    public void close() throws IOException {
        try {
            stop(GRACE);
            output().close();
        } finally {
            LIVE.remove(this);
            deleteStderr();
        }
    }

    /** Closes stdin, gives the child {@code grace} to exit, then kills it and waits until it is reaped. */
    private void stop(Duration grace) {
        endInput();
        boolean interrupted = false;
        try {
            if (!process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                kill();
                process.waitFor();
            }
        } catch (InterruptedException e) {
            interrupted = true;
            kill();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void deleteStderr() {
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            // the log is only a diagnosis aid: a copy left in the temp directory harms nothing
        }
    }

    /** How the child ended: its exit status, or the signal that killed it (a status above 128 is 128 + signal). */
    String ending() {
        if (process.isAlive()) {
            return "it is still running";
        }
        int status = process.exitValue();
        if (status > 128) {
            return "it was killed by signal " + (status - 128) + (killedByParent ? " (sent by the parent)" : "");
        }
        return "it exited with status " + status;
    }

    /** The last lines of the child's stderr, at most {@link #STDERR_TAIL_LINES} lines of the last {@link #STDERR_TAIL_BYTES} bytes. */
    String stderrTail() {
        try (RandomAccessFile file = new RandomAccessFile(stderr.toFile(), "r")) {
            long length = file.length();
            byte[] tail = new byte[(int) Math.min(length, STDERR_TAIL_BYTES)];
            file.seek(length - tail.length);
            file.readFully(tail);
            List<String> lines = Arrays.asList(new String(tail, StandardCharsets.UTF_8).strip().split("\\R"));
            if (lines.getFirst().isEmpty()) {
                return "its stderr is empty";
            }
            return "its stderr ends with:\n    " + String.join("\n    ", lines.subList(Math.max(0, lines.size() - STDERR_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "its stderr log " + stderr + " cannot be read (" + e.getMessage() + ")";
        }
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toNanos() / 1e9);
    }
}
