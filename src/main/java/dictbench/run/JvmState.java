package dictbench.run;

import java.util.Arrays;
import java.util.Locale;

/**
 * How warm the JVM is when a load is timed: a factor of every load benchmark (its {@code jvm} param).
 */
public enum JvmState {
    /** The fork's later shots, after warm-up shots: the JIT has compiled the load, as in a long-running service. */
    WARMED("warmed"),
    /**
     * The first load in a JVM started for it: no warm-up, one shot per fork, many forks. An application's
     * start-up, the case of the original question ("I am willing to pay for slower startup").
     */
    FIRST_LOAD("first-load");

    private final String key;

    JvmState(String key) {
        this.key = key;
    }

    /** The state as the {@code jvm} param, {@code --jvm} and the report name it. */
    public String key() {
        return key;
    }

    /** Where the profile or state called {@code key} comes in tables and reports: its place here; unknown keys last. */
    public static int order(String key) {
        for (JvmState v : values()) {
            if (v.key.equals(key)) {
                return v.ordinal();
            }
        }
        return values().length;
    }

    /**
     * The state called {@code key}.
     *
     * @throws IllegalArgumentException naming the states there are
     */
    public static JvmState named(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.key.equals(k)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown JVM state '" + key + "'; known: " + Arrays.stream(values()).map(JvmState::key).toList()));
    }
}
