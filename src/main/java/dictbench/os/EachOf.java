package dictbench.os;

import java.io.IOException;

/** Does an I/O action to every item even when some fail: closing every file, evicting every file. */
public final class EachOf {

    /** An action on one item that may fail. */
    @FunctionalInterface
    public interface Action<T> {
        void apply(T item) throws IOException;
    }

    private EachOf() {
    }

    /**
     * Applies {@code action} to every item, in iteration order.
     *
     * @throws IOException the first failure, with the later ones attached as {@linkplain Throwable#getSuppressed() suppressed}
     */
    public static <T> void apply(Iterable<? extends T> items, Action<? super T> action) throws IOException {
        IOException first = null;
        for (T item : items) {
            try {
                action.apply(item);
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
