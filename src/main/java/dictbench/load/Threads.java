package dictbench.load;

/** Validation shared by the strategies that take a thread count. */
final class Threads {
    /** More threads than this is a typo, not an experiment. */
    static final int MAX = 4096;

    private Threads() {
    }

    static int check(int threads) {
        if (threads < 1 || threads > MAX) {
            throw new IllegalArgumentException("threads must be in 1.." + MAX + ", got " + threads);
        }
        return threads;
    }
}
