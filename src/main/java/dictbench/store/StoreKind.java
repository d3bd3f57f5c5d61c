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
        withLibrary(() -> {
            switch (this) {
                case SQLITE -> SqliteStore.build(entries, target);
                case LMDB -> LmdbStore.build(entries, target);
                case SPARKEY -> SparkeyStore.build(entries, target);
            }
            return null;
        });
    }

    /** Opens the store at {@code target} read-only. */
    public Store open(Path target) throws IOException {
        return withLibrary(() -> switch (this) {
            case SQLITE -> SqliteStore.open(target);
            case LMDB -> LmdbStore.open(target);
            case SPARKEY -> SparkeyStore.open(target);
        });
    }

    /** A store whose library cannot run here: its native part did not load on this platform. */
    public static final class UnavailableException extends IOException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private interface LibraryCall<T> {
        T call() throws IOException;
    }

    /**
     * Runs a call into the store's library, turning a native library that would not load (an {@link LinkageError},
     * however deep) into one {@link UnavailableException} that names the store and the platform: the other stores run.
     */
    private <T> T withLibrary(LibraryCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (LinkageError | RuntimeException e) {
            for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
                if (c instanceof LinkageError) {
                    throw new UnavailableException(key + " cannot run on this platform (" + System.getProperty("os.name") + " "
                            + System.getProperty("os.arch") + "): its native library did not load (" + c.getMessage()
                            + "); the other stores do not need it: " + Arrays.stream(values()).filter(k -> k != this).map(StoreKind::key).toList(), e);
                }
            }
            throw e;
        }
    }

    /** Every file the store at {@code target} consists of. */
    public List<Path> files(Path target) {
        return switch (this) {
            case SQLITE, LMDB -> List.of(target);
            case SPARKEY -> SparkeyStore.files(target);
        };
    }
}
