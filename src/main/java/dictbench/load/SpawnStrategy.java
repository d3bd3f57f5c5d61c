package dictbench.load;

import dictbench.dataset.Format;
import dictbench.load.subprocess.Connection;
import dictbench.load.subprocess.Frames;
import dictbench.load.subprocess.Worker;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One child JVM per file ({@code multiprocessing.Process}), at most {@code threads} alive at once: every
 * load pays JVM start-up, and each child gets a heap sized for its own file. See {@link SubprocessStrategy}.
 */
public final class SpawnStrategy extends SubprocessStrategy {

    /**
     * @param threads how many children may run at once
     * @param timeout the longest one file may take in a child before it is destroyed
     */
    public SpawnStrategy(int threads, Duration timeout) {
        this(threads, timeout, Worker.class.getName(), List.of());
    }

    SpawnStrategy(int threads, Duration timeout, String workerMainClass, List<String> extraJvmArgs) {
        super(threads, timeout, workerMainClass, extraJvmArgs);
    }

    @Override
    public Mode mode() {
        return Mode.SPAWN;
    }

    @Override
    void prepare(long heapBytes, long maxFileBytes) {
        // each child is sized for its own file when it is launched
    }

    @Override
    SubprocessLoad plan(List<Path> files, Format format) throws IOException {
        return new SubprocessLoad(files, format, threads);
    }

    @Override
    Lane lane(SubprocessLoad load, int index) {
        return () -> {
            for (int file; (file = load.nextFile()) >= 0; ) {
                spawnOne(load, file, index);
            }
        };
    }

    /** Launches a child for {@code file}, reads its frame, checks nothing follows and that it exits 0. */
    private void spawnOne(SubprocessLoad load, int file, int lane) throws IOException {
        Path path = load.file(file);
        List<String> command = command(childHeapBytes(load.size(file)), "--spawn", load.format.name(), path.toString());
        load.begin(file);
        try (Connection child = Connection.start(command)) {
            load.register(child);
            try {
                child.endInput(); // a spawned child takes no requests
                long[] started = {0};
                Frames.Result result = child.withDeadline(timeout, () -> {
                    started[0] = child.awaitHello();
                    Frames.Result r = child.readResult(load.limits(file));
                    child.expectEnd(r.frameBytes());
                    return r;
                });
                complete(load, file, lane, started[0], result);
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
}
