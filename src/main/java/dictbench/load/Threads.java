package dictbench.load;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** What the strategies (and the baselines) that take a thread count share: its validation and their thread pool. */
public final class Threads {
    /** More threads than this is a typo, not an experiment. */
    public static final int MAX = 4096;

    private Threads() {
    }

    static int check(int threads) {
        if (threads < 1 || threads > MAX) {
            throw new IllegalArgumentException("threads must be in 1.." + MAX + ", got " + threads);
        }
        return threads;
    }

    /**
     * A fixed pool of {@code threads} daemon platform threads named {@code namePrefix0},
     * {@code namePrefix1}…, all started now, so that thread creation stays out of the timed shots.
     */
    public static ThreadPoolExecutor prestartedPool(int threads, String namePrefix) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name(namePrefix, 0).daemon(true).factory());
        pool.prestartAllCoreThreads();
        return pool;
    }
}
