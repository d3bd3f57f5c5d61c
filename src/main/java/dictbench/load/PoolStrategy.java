package dictbench.load;

import dictbench.dataset.Format;
import dictbench.load.subprocess.Connection;
import dictbench.load.subprocess.Frames;
import dictbench.load.subprocess.Worker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code threads} long-lived worker JVMs ({@code multiprocessing.Pool}) started by {@link #start(long)},
 * outside the timed region. Each file goes to whichever worker is free, and a worker gets its next file as
 * soon as it starts sending its last one. See {@link SubprocessStrategy}.
 */
public final class PoolStrategy extends SubprocessStrategy {

    // Written under the load lock; close() and the accessors may read them from other threads.
    private volatile List<Connection> workers = List.of();
    private volatile long poolStartNanos;
    private long poolMaxFileBytes;
    private Throwable poolDestroyedBy;
    /** The workers of the load being planned, one per lane. */
    private List<Connection> serving = List.of();

    /**
     * @param threads how many workers
     * @param timeout the longest one file may take in a worker before it is destroyed
     */
    public PoolStrategy(int threads, Duration timeout) {
        this(threads, timeout, Worker.class.getName(), List.of());
    }

    PoolStrategy(int threads, Duration timeout, String workerMainClass, List<String> extraJvmArgs) {
        super(threads, timeout, workerMainClass, extraJvmArgs);
    }

    @Override
    public Mode mode() {
        return Mode.POOL;
    }

    /**
     * Starts the workers, each with a heap for files of up to {@code maxFileBytes}, and waits until every
     * one has said hello. A later load of a larger file is refused rather than risking an
     * OutOfMemoryError in a worker.
     */
    @Override
    void prepare(long heapBytes, long maxFileBytes) throws IOException {
        if (!workers.isEmpty() || poolDestroyedBy != null) {
            throw new IllegalStateException("the pool was started already; create a new strategy for another");
        }
        List<String> command = command(heapBytes, "--pool");
        List<Connection> started = new ArrayList<>(threads);
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < threads; i++) {
                started.add(Connection.start(command));
            }
            for (Connection worker : started) {
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

    /**
     * The wall time the last {@link #start(long)} took, from launching the first worker until the last had
     * said hello: what spawn pays per load, paid here once. 0 before start.
     */
    @Override
    public long poolStartNanos() {
        return poolStartNanos;
    }

    /** The pids of the workers, for tests that check the same processes serve every load. */
    List<Long> workerPids() {
        return workers.stream().map(Connection::pid).toList();
    }

    @Override
    SubprocessLoad plan(List<Path> files, Format format) throws IOException {
        if (poolDestroyedBy != null) {
            throw new IOException("the worker pool was destroyed when an earlier load failed; create a new strategy", poolDestroyedBy);
        }
        if (workers.isEmpty()) {
            throw new IllegalStateException("call start(maxFileBytes) before load: pool workers start outside the timed region");
        }
        SubprocessLoad load = new SubprocessLoad(files, format, threads);
        if (load.largestFileBytes() > poolMaxFileBytes) {
            throw new IllegalArgumentException("a file of " + load.largestFileBytes() + " bytes is larger than the "
                    + poolMaxFileBytes + " bytes the pool's workers were started for; pass a larger maxFileBytes to start()");
        }
        serving = workers;
        for (Connection worker : serving) {
            load.register(worker);
        }
        return load;
    }

    /**
     * One lane feeding its worker until no file is left. The next file's request goes out as soon as a
     * result begins to arrive, while the worker encodes and the parent decodes it, so the worker starts on
     * the next file as soon as it has sent this one: like {@code multiprocessing.Pool}, whose workers take
     * tasks from a queue filled ahead of them. At most one request waits in the worker's stdin, so files
     * are still handed to whichever worker is free.
     */
    @Override
    Lane lane(SubprocessLoad load, int index) {
        Connection worker = serving.get(index);
        return () -> {
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
                Frames.Result result;
                try {
                    result = worker.withDeadline(timeout, () -> {
                        Frames.ResultHeader header = worker.readResultHeader(load.limits(current));
                        next[0] = load.nextFile();
                        if (next[0] >= 0) {
                            request(load, next[0], worker);
                        }
                        return worker.readBlocks(header, load.limits(current));
                    });
                } catch (IOException e) {
                    throw worker.fault("loading " + load.file(current), e);
                }
                complete(load, current, index, 0, result);
                file = next[0];
            }
        };
    }

    /** Sends {@code worker} the request for {@code file}: the file's span begins now. */
    private static Void request(SubprocessLoad load, int file, Connection worker) throws IOException {
        load.begin(file);
        worker.request(load.format.name(), load.file(file));
        return null;
    }

    /** The workers are dead (the failure killed them): reap them and refuse later loads. */
    @Override
    void failed(Throwable cause) {
        poolDestroyedBy = cause;
        List<Connection> dead = workers;
        workers = List.of();
        closeAll(dead, cause);
    }

    @Override
    void closeChildren(Throwable into) {
        List<Connection> pool = workers;
        workers = List.of();
        closeAll(pool, into);
    }
}
