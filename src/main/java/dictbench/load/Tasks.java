package dictbench.load;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Running {@link LoadPlan.Task}s on an executor and turning their failures back into IOExceptions. */
final class Tasks {
    private Tasks() {
    }

    /** Submits every task, waits for all; on the first failure cancels the rest and throws it. */
    static void runAll(ExecutorService executor, List<LoadPlan.Task> tasks) throws IOException {
        List<Future<Void>> futures = new ArrayList<>(tasks.size());
        try {
            for (LoadPlan.Task task : tasks) {
                futures.add(executor.submit(asCallable(task)));
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while loading");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    static Callable<Void> asCallable(LoadPlan.Task task) {
        return () -> {
            task.run();
            return null;
        };
    }

    /** Runs a task where only unchecked exceptions may escape (ForkJoin). */
    static void runUnchecked(LoadPlan.Task task) {
        try {
            task.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The IOException a task threw, however it was wrapped on its way out; rethrows anything else. */
    static IOException unwrap(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UncheckedIOException u) {
                return u.getCause();
            }
        }
        if (t instanceof IOException io) {
            return io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IOException(t);
    }
}
