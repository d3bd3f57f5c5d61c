package dictbench.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Every store dictbench builds and opens: its name (as {@code --format} will take it), how it is built and opened. */
public enum StoreKind {
    SQLITE("sqlite", "db"),
    LMDB("lmdb", "mdb"),
    SPARKEY("sparkey", "spi");

    private final String key;
    private final String extension;

    StoreKind(String key, String extension) {
        this.key = key;
        this.extension = extension;
    }

    /** The extension of the file a store is named by (Sparkey's index), without the dot. */
    public String extension() {
        return extension;
    }

    public String key() {
        return key;
    }

    /** The kind named {@code key}; the message lists the known ones. */
    public static StoreKind named(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown store '" + key + "'; known: " + Arrays.stream(values()).map(StoreKind::key).toList()));
    }

    /**
     * Writes a store holding exactly {@code entries} at {@code target} (and, for a store of several files, beside it):
     * under temporary names first, renamed into place only when complete, so a reader finds the whole store or none.
     */
    public void build(Map<String, String> entries, Path target) throws IOException {
        switch (this) {
            case SQLITE -> SqliteStore.build(entries, target);
            case LMDB -> LmdbStore.build(entries, target);
            case SPARKEY -> SparkeyStore.build(entries, target);
        }
    }

    /** Opens the store at {@code target} read-only. */
    public Store open(Path target) throws IOException {
        return switch (this) {
            case SQLITE -> SqliteStore.open(target);
            case LMDB -> LmdbStore.open(target);
            case SPARKEY -> SparkeyStore.open(target);
        };
    }

    /** Every file the store at {@code target} consists of. */
    public List<Path> files(Path target) {
        return switch (this) {
            case SQLITE, LMDB -> List.of(target);
            case SPARKEY -> SparkeyStore.files(target);
        };
    }
}
