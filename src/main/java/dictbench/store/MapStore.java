package dictbench.store;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A map loaded upfront behind the store interface, so that the loaded {@code HashMap}s and compact maps answer the same
 * lookups, scans and batches as the stores do.
 *
 * @param map   the loaded map
 * @param bytes the bytes of the file it was loaded from
 */
public record MapStore(Map<String, String> map, long bytes) implements Store {

    @Override
    public String get(String key) {
        return map.get(key);
    }

    @Override
    public void scan(BiConsumer<String, String> entry) {
        map.forEach(entry);
    }

    @Override
    public void close() {
    }
}
