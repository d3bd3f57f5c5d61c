package dictbench.store;

import dictbench.os.EachOf;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One reader per thread for a store whose library's readers are not to be shared (a JDBC connection, an LMDB read
 * transaction, a Sparkey reader): made on a thread's first lookup, all closed with the store.
 */
final class PerThread<T> {

    /** Makes a thread's reader. */
    @FunctionalInterface
    interface Opener<T> {
        T open() throws IOException;
    }

    /** Closes one reader. */
    @FunctionalInterface
    interface Closer<T> {
        void close(T reader) throws IOException;
    }

    private final Opener<T> opener;
    private final Closer<T> closer;
    private final Queue<T> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<T> mine = new ThreadLocal<>();

    PerThread(Opener<T> opener, Closer<T> closer) {
        this.opener = opener;
        this.closer = closer;
    }

    /** This thread's reader, made now if it has none. */
    T get() throws IOException {
        T reader = mine.get();
        if (reader == null) {
            reader = opener.open();
            all.add(reader);
            mine.set(reader);
        }
        return reader;
    }

    /** Closes every reader made, whichever thread made it; the first failure is thrown once all are closed. */
    void closeAll() throws IOException {
        List<T> made = new ArrayList<>(all);
        all.clear();
        EachOf.apply(made, closer::close);
    }
}
