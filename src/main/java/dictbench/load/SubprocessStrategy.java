package dictbench.load;
import dictbench.dataset.Format;
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
 * transfer and a second decode for every file, on top of starting the processes. This strategy
 * measures how much of the parallel win that shipping eats, cost by cost.
 *
 * <p>Two modes, as in Python:
 * <ul>
 * <li>{@link Mode#SPAWN}: one child per file ({@code multiprocessing.Process}), at most
 *     {@code threads} alive at once. Every load pays JVM start-up.
 * <li>{@link Mode#POOL}: {@code threads} long-lived workers ({@code multiprocessing.Pool}) started
 *     by {@link #start(long)}, outside the timed region; each file goes to whichever worker is free,
 *     and a worker gets its next file as soon as it starts sending its last one.
 * </ul>
 *
 * <p>A child decodes its file in whatever format, then re-encodes the map in blocks of the binary
 * format and writes each to its stdout as soon as it is encoded (see {@code SubprocessFrames}); the
 * parent decodes each block as it arrives into the map it returns, so encoding, the pipe and the
 * parent's decoding overlap. {@link LoadResult#subprocessCosts()} holds totals over all files
 * ({@link SubprocessCosts} says what each cost is).
 * A file's {@link FileSpan} starts when its child is launched (SPAWN) or its request is sent
 * (POOL) and ends when the parent has decoded its map.
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
 * told to exit. In POOL mode a failed load leaves the pool destroyed: create a new strategy.
 *
 * <p>One load at a time: concurrent calls to {@link #load} wait for each other.
 */
public final class SubprocessStrategy implements Strategy {
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
    /** Share of a child's heap given to the young generation, percent. */
    static final int YOUNG_SHARE_PERCENT = 60;

    private static final String JAVA = ProcessHandle.current().info().command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());

    /** One child per file, or a pool of long-lived workers. */
    public enum Mode { SPAWN, POOL }

    private final Mode mode;
    private final int threads;
    private final Duration timeout;
    private final String workerMainClass;
    private final List<String> extraJvmArgs;
    /** One lane per thread: a lane takes files one after another, through a child of its own (SPAWN) or its worker (POOL). */
    private final ThreadPoolExecutor lanes;
    private final Object loadLock = new Object();
    private volatile boolean closed;
    /** The load in progress, so that close() from another thread can destroy its children. */
    private volatile SubprocessLoad current;
    // POOL state, written under loadLock; close() and the accessors may read it from other threads.
    private volatile List<ChildProcess> workers = List.of();
    private volatile long poolStartNanos;
    private long poolMaxFileBytes;
    private Throwable poolDestroyedBy;

    /**
     * @param mode    one child per file, or a pool of workers
     * @param threads how many children may run at once (SPAWN), or how many workers (POOL)
     * @param timeout the longest one file may take in a child before it is destroyed
     */
    public SubprocessStrategy(Mode mode, int threads, Duration timeout) {
        this(mode, threads, timeout, SubprocessWorker.class.getName(), List.of());
    }

    /** With another worker main class and extra child JVM arguments: tests launch misbehaving workers. */
    SubprocessStrategy(Mode mode, int threads, Duration timeout, String workerMainClass, List<String> extraJvmArgs) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.threads = Threads.check(threads);
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        this.timeout = timeout;
        this.workerMainClass = Objects.requireNonNull(workerMainClass, "workerMainClass");
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
        this.lanes = Threads.prestartedPool(threads, "dictbench-subprocess-");
    }

    public Mode mode() {
        return mode;
    }

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
     * POOL: starts the workers, each with a heap for files of up to {@code maxFileBytes}, and waits
     * until every one has said hello (call it outside the timed region; {@link #poolStartNanos()}
     * says how long it took). A later load of a larger file is refused rather than risking an
     * OutOfMemoryError in a worker. SPAWN: does nothing, since each child is sized for its own file.
     */
    public void start(long maxFileBytes) throws IOException {
        long heapBytes = childHeapBytes(maxFileBytes); // rejects a bad maxFileBytes in either mode
        synchronized (loadLock) {
            checkOpen();
            if (mode == Mode.SPAWN) {
                return;
            }
            if (!workers.isEmpty() || poolDestroyedBy != null) {
                throw new IllegalStateException("the pool was started already; create a new strategy for another");
            }
            List<String> command = command(heapBytes, "--pool");
            List<ChildProcess> started = new ArrayList<>(threads);
            long t0 = System.nanoTime();
            try {
                for (int i = 0; i < threads; i++) {
                    started.add(ChildProcess.start(command));
                }
                for (ChildProcess worker : started) {
                    try {
                        worker.withDeadline(timeout, worker::awaitHello);
                    } catch (IOException e) {
                        throw worker.fault("starting", e);
                    }
                }
            } catch (IOException | RuntimeException e) {
                closeAll(started, e);
                throw e;
            }
            poolStartNanos = System.nanoTime() - t0;
            poolMaxFileBytes = maxFileBytes;
            workers = List.copyOf(started);
        }
    }

    /**
     * POOL: the wall time the last {@link #start(long)} took, from launching the first worker until
     * the last had said hello: what SPAWN pays per load, paid here once. 0 in SPAWN mode or before start.
     */
    public long poolStartNanos() {
        return poolStartNanos;
    }

    /** POOL: the pids of the workers, for tests that check the same processes serve every load. */
    List<Long> workerPids() {
        return workers.stream().map(ChildProcess::pid).toList();
    }

    @Override
    public LoadResult load(List<Path> files, Format format) throws IOException {
        synchronized (loadLock) {
            checkOpen();
            if (mode == Mode.POOL) {
                checkPool();
            }
            SubprocessLoad load = new SubprocessLoad(files, format);
            if (mode == Mode.POOL) {
                if (load.largestFileBytes() > poolMaxFileBytes) {
                    throw new IllegalArgumentException("a file of " + load.largestFileBytes() + " bytes is larger than the "
                            + poolMaxFileBytes + " bytes the pool's workers were started for; pass a larger maxFileBytes to start()");
                }
                for (ChildProcess worker : workers) {
                    load.register(worker);
                }
            }
            current = load;
            try {
                runLanes(load);
            } finally {
                current = null;
            }
            if (load.failed()) {
                if (mode == Mode.POOL) {
                    destroyPool(load.failure());
                }
                load.rethrowFailure();
            }
            return load.result();
        }
    }

    /** Runs one lane per thread and waits for all; an interrupt fails the load, which destroys the children. */
    private void runLanes(SubprocessLoad load) {
        CountDownLatch done = new CountDownLatch(threads);
        List<ChildProcess> pool = workers;
        for (int lane = 0; lane < threads; lane++) {
            ChildProcess worker = mode == Mode.POOL ? pool.get(lane) : null;
            Runnable task = () -> {
                try {
                    if (worker == null) {
                        for (int file; (file = load.nextFile()) >= 0; ) {
                            spawnOne(load, file);
                        }
                    } else {
                        serve(load, worker);
                    }
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

    /** SPAWN: launches a child for {@code file}, reads its frame, checks nothing follows and that it exits 0. */
    private void spawnOne(SubprocessLoad load, int file) throws IOException {
        Path path = load.file(file);
        List<String> command = command(childHeapBytes(load.size(file)), "--spawn", load.format.name(), path.toString());
        load.begin(file);
        try (ChildProcess child = ChildProcess.start(command)) {
            load.register(child);
            try {
                child.endInput(); // a spawned child takes no requests
                Shipped shipped = child.withDeadline(timeout, () -> {
                    long started = child.awaitHello();
                    SubprocessFrames.Result result = SubprocessFrames.readResult(child.output(), load.limits(file));
                    SubprocessFrames.expectEnd(child.output(), result.frameBytes());
                    return new Shipped(started, result);
                });
                complete(load, file, shipped);
                int status = child.withDeadline(timeout, child::awaitExit);
                if (status != 0) {
                    throw new IOException("sent its result but did not exit cleanly");
                }
            } catch (IOException e) {
                throw child.fault("loading " + path, e);
            } finally {
                load.unregister(child);
            }
        }
    }

    /**
     * POOL: one lane feeding its worker until no file is left. The next file's request goes out as
     * soon as a result begins to arrive, while the worker encodes and the parent decodes it, so the
     * worker starts on the next file as soon as it has sent this one: like
     * {@code multiprocessing.Pool}, whose workers take tasks from a queue filled ahead of them. At
     * most one request waits in the worker's stdin, so files are still handed to whichever worker is free.
     */
    private void serve(SubprocessLoad load, ChildProcess worker) throws IOException {
        int first = load.nextFile();
        if (first < 0) {
            return;
        }
        try {
            worker.withDeadline(timeout, () -> request(load, first, worker));
        } catch (IOException e) {
            throw worker.fault("sending a request for " + load.file(first), e);
        }
        for (int file = first; file >= 0; ) {
            int current = file;
            int[] next = {-1};
            SubprocessFrames.Result result;
            try {
                result = worker.withDeadline(timeout, () -> {
                    SubprocessFrames.ResultHeader header = SubprocessFrames.readResultHeader(worker.output(), load.limits(current));
                    next[0] = load.nextFile();
                    if (next[0] >= 0) {
                        request(load, next[0], worker);
                    }
                    return SubprocessFrames.readBlocks(worker.output(), header, load.limits(current));
                });
            } catch (IOException e) {
                throw worker.fault("loading " + load.file(current), e);
            }
            complete(load, current, new Shipped(0, result));
            file = next[0];
        }
    }

    /**
     * POOL: sends {@code worker} the request for {@code file}, to be answered after whatever it is
     * doing. A request is a few hundred bytes and the worker's stdin pipe holds 64 KB, so this does
     * not block.
     */
    private static Void request(SubprocessLoad load, int file, ChildProcess worker) throws IOException {
        load.begin(file);
        SubprocessFrames.writeRequest(worker.input(), load.format.name(), load.file(file));
        return null;
    }

    /** A frame as received, with the child's start-up time (0 for a pool worker, started beforehand). */
    private record Shipped(long processStartNanos, SubprocessFrames.Result result) {
    }

    private static void complete(SubprocessLoad load, int file, Shipped shipped) {
        SubprocessFrames.Result r = shipped.result();
        load.complete(file, r.map(), new SubprocessCosts(shipped.processStartNanos(), r.decodeNanos(), r.encodeNanos(),
                r.transferNanos(), r.parentDecodeNanos(), r.payloadBytes()));
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
        command.add("--enable-native-access=ALL-UNNAMED");
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

    private void checkPool() throws IOException {
        if (poolDestroyedBy != null) {
            throw new IOException("the worker pool was destroyed when an earlier load failed; create a new strategy", poolDestroyedBy);
        }
        if (workers.isEmpty()) {
            throw new IllegalStateException("call start(maxFileBytes) before load: pool workers start outside the timed region");
        }
    }

    /** After a failed POOL load: the workers are dead (the failure killed them); reap them and refuse later loads. */
    private void destroyPool(Throwable cause) {
        poolDestroyedBy = cause;
        List<ChildProcess> dead = workers;
        workers = List.of();
        closeAll(dead, cause);
    }

    /** Stops every worker (stdin EOF first, so they exit together; a short grace; then kill) and the lanes. */
    @Override
    public void close() throws IOException {
        closed = true;
        SubprocessLoad running = current;
        if (running != null) {
            running.fail(new IOException("the subprocess strategy was closed during the load"));
        }
        lanes.shutdown(); // lanes of a running load finish (quickly: their children are dead)
        List<ChildProcess> pool = workers;
        workers = List.of();
        IOException failure = new IOException("could not close every worker");
        closeAll(pool, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }

    /** Closes {@code children}, recording close failures as suppressed exceptions of {@code into}. */
    private static void closeAll(List<ChildProcess> children, Throwable into) {
        children.forEach(ChildProcess::endInput);
        for (ChildProcess child : children) {
            try {
                child.close();
            } catch (IOException e) {
                into.addSuppressed(e);
            }
        }
    }
}
