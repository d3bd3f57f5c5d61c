package dictbench.load;

import dictbench.dataset.CompactFormat;
import dictbench.dataset.Format;
import dictbench.load.subprocess.Connection;
import dictbench.os.JvmFlags;
import dictbench.load.subprocess.Frames;
import dictbench.load.subprocess.Worker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Child JVMs decode the files and ship each map back to the parent: the JVM analogue of Python's
 * {@code multiprocessing}. In Python it sidesteps the GIL, but the dict built in a child is no use
 * there: it must be serialized, piped to the parent and rebuilt, so the parent pays an encode, a
 * transfer and a second decode for every file, on top of starting the processes. These strategies
 * measure how much of the parallel win that shipping eats, cost by cost.
 *
 * <p>Two policies, as in Python, each its own class:
 * <ul>
 * <li>{@link SpawnStrategy}: one child per file ({@code multiprocessing.Process}), at most
 *     {@code threads} alive at once. Every load pays JVM start-up.
 * <li>{@link PoolStrategy}: {@code threads} long-lived workers ({@code multiprocessing.Pool}) started
 *     by {@link #start(long)}, outside the timed region; each file goes to whichever worker is free.
 * </ul>
 * This class holds what they share: one lane per thread taking files one after another, the load's
 * state and failure ({@link SubprocessLoad}), the child's command line, and closing. The child-process
 * protocol itself lives in {@code load.subprocess}: a {@link Connection} per child owns the process, its
 * frames, deadlines and fault reports.
 *
 * <p>A child decodes its file in whatever format, then re-encodes the map in blocks of the binary
 * format and writes each to its stdout as soon as it is encoded (see {@link Frames}); the parent
 * decodes each block as it arrives into the map it returns, so encoding, the pipe and the parent's
 * decoding overlap. {@link LoadResult#subprocessCosts()} holds totals over all files
 * ({@link SubprocessCosts} says what each cost is). A file's {@link FileSpan} starts when its child is
 * launched (spawn) or its request is sent (pool) and ends when the parent has decoded its map.
 *
 * <p>Children are real JVMs: this JVM's {@code java}, its class path, native access enabled and
 * a heap of {@link #childHeapBytes(long)} for the largest file they will see; no other flags, so
 * they start as any JVM would. Their stderr goes to a temporary log that is deleted afterwards.
 *
 * <p>Any fault — a child that exits non-zero, is killed, writes garbage or too much, or exceeds
 * {@code timeout} on one file — fails the load with an IOException naming the file, the child's
 * pid, how it ended and the tail of its stderr; a child that could not load its file reports its
 * own exception. On any failure, on an interrupt of the loading thread and on {@link #close()},
 * every child is destroyed with its descendants, and a shutdown hook does the same if this JVM is
 * told to exit. A failed pool load leaves the pool destroyed: create a new strategy.
 *
 * <p>One load at a time: concurrent calls to {@link #load} wait for each other.
 */
public abstract sealed class SubprocessStrategy implements Strategy permits SpawnStrategy, PoolStrategy {
    /** Why a subprocess load of the compact format is refused rather than run. */
    public static final String COMPACT_REFUSED = "the subprocess strategy hands back maps decoded from its children's frames, never a "
            + "compact map: load --format compact with sequential, platform, virtual or forkjoin";

    /** A child's heap is never smaller than this: a JVM with less spends its time in GC on any real file. */
    public static final long MIN_CHILD_HEAP_BYTES = 256L << 20;
    /**
     * Child heap per byte of its largest file. The decoded map (about 200 bytes per entry, three
     * times the bytes of a typical 68-byte entry), the garbage of re-encoding it (a UTF-8 array per
     * string, as big as the file again) and, for formats read whole, the file's bytes are live at
     * once, and the young generation ({@value #YOUNG_SHARE_PERCENT}% of the heap) must hold them all
     * so that the collector does not dominate the child's decode time.
     */
    public static final int CHILD_HEAP_PER_FILE_BYTE = 16;
    /** What a child JVM holds beyond its heap (metaspace, code cache, thread stacks, the collector's own structures): an allowance. */
    public static final long CHILD_NON_HEAP_BYTES = 128L << 20;
    /** Share of a child's heap given to the young generation, percent. */
    static final int YOUNG_SHARE_PERCENT = 60;

    private static final String JAVA = ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

    /** The benchmark's {@code mode} param: one child per file, or a pool of workers. */
    public enum Mode { SPAWN, POOL }

    /** One lane's work in a load, run on its own thread. */
    @FunctionalInterface
    interface Lane {
        void run() throws IOException;
    }

    final int threads;
    final Duration timeout;
    private final String workerMainClass;
    private final List<String> extraJvmArgs;
    /** One lane per thread: a lane takes files one after another, through a child of its own (spawn) or its worker (pool). */
    private final ThreadPoolExecutor lanes;
    private final Object loadLock = new Object();
    private volatile boolean closed;
    /** The load in progress, so that close() from another thread can destroy its children. */
    private volatile SubprocessLoad current;

    SubprocessStrategy(int threads, Duration timeout, String workerMainClass, List<String> extraJvmArgs) {
        this.threads = Threads.check(threads);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        this.timeout = timeout;
        this.workerMainClass = Objects.requireNonNull(workerMainClass, "workerMainClass");
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
        this.lanes = Threads.prestartedPool(threads, "dictbench-subprocess-");
    }

    /**
     * The strategy for a mode: {@link SpawnStrategy} or {@link PoolStrategy}.
     *
     * @param threads how many children may run at once (spawn), or how many workers (pool)
     * @param timeout the longest one file may take in a child before it is destroyed
     */
    public static SubprocessStrategy of(Mode mode, int threads, Duration timeout) {
        return of(mode, threads, timeout, Worker.class.getName(), List.of());
    }

    /** With another worker main class and extra child JVM arguments: tests launch misbehaving workers. */
    static SubprocessStrategy of(Mode mode, int threads, Duration timeout, String workerMainClass, List<String> extraJvmArgs) {
        return switch (Objects.requireNonNull(mode, "mode")) {
            case SPAWN -> new SpawnStrategy(threads, timeout, workerMainClass, extraJvmArgs);
            case POOL -> new PoolStrategy(threads, timeout, workerMainClass, extraJvmArgs);
        };
    }

    public abstract Mode mode();

    public int threads() {
        return threads;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * The heap a child gets when the largest file it will load has {@code largestFileBytes}:
     * {@value #CHILD_HEAP_PER_FILE_BYTE} times that, at least {@link #MIN_CHILD_HEAP_BYTES}, rounded
     * up to a whole MB. Public so a caller can check that {@code threads} such heaps fit the machine.
     */
    public static long childHeapBytes(long largestFileBytes) {
        if (largestFileBytes < 0) {
            throw new IllegalArgumentException("largestFileBytes must be >= 0, got " + largestFileBytes);
        }
        long mb = 1L << 20;
        long wanted = Math.max(MIN_CHILD_HEAP_BYTES, Math.multiplyExact(largestFileBytes, (long) CHILD_HEAP_PER_FILE_BYTE));
        return Math.ceilDiv(wanted, mb) * mb;
    }

    /**
     * Refuses {@code children} child JVMs for files up to {@code largestFileBytes} beside a parent JVM of {@code parentHeapBytes}
     * when together they need more than {@code machineBytes} (unknown: 0 or less, not checked): they would swap or be killed,
     * and the run would measure that. The message says how many would fit.
     *
     * @throws IllegalArgumentException naming the need, the machine's memory and the most children that fit
     */
    public static void checkFits(int children, long largestFileBytes, long parentHeapBytes, long machineBytes) {
        long child = childHeapBytes(largestFileBytes) + CHILD_NON_HEAP_BYTES;
        long need = Math.addExact(parentHeapBytes, Math.multiplyExact(child, (long) children));
        if (machineBytes > 0 && need > machineBytes) {
            long fit = Math.max(0, (machineBytes - parentHeapBytes) / child);
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "%d child JVMs of %.2f GB each (heap for a %.0f MB "
                            + "file, and %d MB beyond it) beside a %.1f GB parent need %.1f GB, more than this machine's %.1f GB of memory; "
                            + "use at most %d", children, child / 1e9, largestFileBytes / 1e6, CHILD_NON_HEAP_BYTES >> 20,
                    parentHeapBytes / 1e9, need / 1e9, machineBytes / 1e9, fit));
        }
    }

    /**
     * Prepares for loads of files up to {@code maxFileBytes}, outside the timed region: a pool starts its
     * workers and waits for each to say hello; spawn does nothing, since each child is sized for its own file.
     */
    public final void start(long maxFileBytes) throws IOException {
        long heapBytes = childHeapBytes(maxFileBytes); // rejects a bad maxFileBytes in either mode
        checkFits(threads, maxFileBytes, Runtime.getRuntime().maxMemory(), HeapBudget.machineMemoryBytes());
        synchronized (loadLock) {
            checkOpen();
            prepare(heapBytes, maxFileBytes);
        }
    }

    /** Pool: the wall time {@link #start(long)} took, what spawn pays per load paid once. 0 for spawn or before start. */
    public long poolStartNanos() {
        return 0;
    }

    @Override
    public final LoadResult load(List<Path> files, Format format) throws IOException {
        if (format instanceof CompactFormat) {
            throw new IllegalArgumentException(COMPACT_REFUSED);
        }
        synchronized (loadLock) {
            checkOpen();
            SubprocessLoad load = plan(files, format);
            current = load;
            try {
                runLanes(load);
            } finally {
                current = null;
            }
            if (load.failed()) {
                failed(load.failure());
                load.rethrowFailure();
            }
            return load.result();
        }
    }

    /** Called by {@link #start} under the load lock, with the heap for its files. */
    abstract void prepare(long heapBytes, long maxFileBytes) throws IOException;

    /** The state of a load of {@code files}, after checking this strategy can take it. */
    abstract SubprocessLoad plan(List<Path> files, Format format) throws IOException;

    /** Lane {@code index}'s work in {@code load}; called on the load's thread, run on the lane's. */
    abstract Lane lane(SubprocessLoad load, int index);

    /** After a failed load, whose failure has destroyed every child it registered. */
    void failed(Throwable cause) {
    }

    /** Stops the children this strategy keeps between loads, recording failures as suppressed exceptions of {@code into}. */
    void closeChildren(Throwable into) {
    }

    /** Runs one lane per thread and waits for all; an interrupt fails the load, which destroys the children. */
    private void runLanes(SubprocessLoad load) {
        CountDownLatch done = new CountDownLatch(threads);
        for (int index = 0; index < threads; index++) {
            Lane lane = lane(load, index);
            Runnable task = () -> {
                try {
                    lane.run();
                } catch (Throwable t) {
                    load.fail(t);
                } finally {
                    done.countDown();
                }
            };
            try {
                lanes.execute(task);
            } catch (RejectedExecutionException e) { // closed meanwhile
                load.fail(new IllegalStateException("this subprocess strategy was closed during the load", e));
                done.countDown();
            }
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                if (!interrupted) {
                    load.fail(new InterruptedIOException("interrupted while loading; destroyed every worker process"));
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records file {@code file} of {@code load} as received by lane {@code lane}, with the child's start-up time (0 for a pool worker). */
    static void complete(SubprocessLoad load, int file, int lane, long processStartNanos, Frames.Result r) {
        load.complete(file, lane, r.map(), new SubprocessCosts(processStartNanos, r.decodeNanos(), r.encodeNanos(),
                r.transferNanos(), r.parentDecodeNanos(), r.payloadBytes(), r.childPeakRssBytes()));
    }

    /**
     * The child's command line: this JVM's java and class path, a heap for its files, native access,
     * and VM messages sent to stderr (HotSpot prints some warnings on stdout, which is the protocol).
     */
    List<String> command(long heapBytes, String... workerArgs) {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        // As the parent's forks (HeapBudget): a fixed heap whose young generation holds one file's
        // decode and encode, so the map being built is not copied between survivor spaces.
        command.addAll(HeapBudget.heapFlags(heapBytes, heapBytes * YOUNG_SHARE_PERCENT / 100));
        command.addAll(JvmFlags.ACCESS);
        command.add("-XX:+DisplayVMOutputToStderr");
        command.addAll(extraJvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(workerMainClass);
        command.addAll(List.of(workerArgs));
        return command;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this subprocess strategy is closed");
        }
    }

    /** Stops every child (stdin EOF first, so they exit together; a short grace; then kill) and the lanes. */
    @Override
    public final void close() throws IOException {
        closed = true;
        SubprocessLoad running = current;
        if (running != null) {
            running.fail(new IOException("the subprocess strategy was closed during the load"));
        }
        lanes.shutdown(); // lanes of a running load finish (quickly: their children are dead)
        IOException failure = new IOException("could not close every worker");
        closeChildren(failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /** Closes {@code children}, recording close failures as suppressed exceptions of {@code into}. */
    static void closeAll(List<Connection> children, Throwable into) {
        children.forEach(Connection::endInput);
        for (Connection child : children) {
            try {
                child.close();
            } catch (IOException e) {
                into.addSuppressed(e);
            }
        }
    }
}
