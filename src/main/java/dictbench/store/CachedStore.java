package dictbench.store;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The answer's hybrid: a store with a hash map in front that keeps every answer it has given (a miss too), so a key
 * asked again costs a map lookup instead of a store lookup. It starts empty and is never evicted: under a skewed key
 * distribution the hot keys are soon all in it. Thread-safe: several threads may look up at once.
 */
public final class CachedStore implements Store {
    /** What the cache holds for a key the store does not have (compared by identity). */
    private static final String MISS = new String("(miss)");

    private final Store store;
    private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

    public CachedStore(Store store) {
        this.store = store;
    }

    @Override
    public String get(String key) throws IOException {
        String cached = cache.get(key);
        if (cached != null) {
            return cached == MISS ? null : cached;
        }
        String value = store.get(key);
        cache.put(key, value == null ? MISS : value);
        return value;
    }

    @Override
    public void scan(BiConsumer<String, String> entry) throws IOException {
        store.scan(entry);
    }

    @Override
    public long bytes() throws IOException {
        return store.bytes();
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
