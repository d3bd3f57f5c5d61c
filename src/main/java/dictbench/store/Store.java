package dictbench.store;

import java.io.IOException;
import java.util.function.BiConsumer;

/** A dictionary opened where it lies: lookups go to the file (through the page cache), nothing is loaded upfront. */
public interface Store extends AutoCloseable {

    /** The value of {@code key}, or null when the store has none. */
    String get(String key) throws IOException;

    /** Every entry, in the store's own order. */
    void scan(BiConsumer<String, String> entry) throws IOException;

    /** The bytes of the store's files on disk: what it maps or reads from. */
    long bytes() throws IOException;

    @Override
    void close() throws IOException;
}
