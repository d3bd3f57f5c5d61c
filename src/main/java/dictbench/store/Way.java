package dictbench.store;

import dictbench.dataset.CompactFormat;
import dictbench.dataset.DatasetSpec;
import dictbench.dataset.Format;
import dictbench.dataset.Manifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A way of answering lookups on a dataset's dictionaries, one per file: loaded upfront ({@code hashmap}, {@code compact},
 * from the binary files) or opened where it lies (a {@link StoreKind}), and for a store optionally behind a cache
 * ({@code sqlite+cache}: the answer's hybrid, {@link CachedStore}).
 */
public enum Way {
    HASHMAP("hashmap", null, false),
    COMPACT("compact", null, false),
    SQLITE("sqlite", StoreKind.SQLITE, false),
    LMDB("lmdb", StoreKind.LMDB, false),
    SPARKEY("sparkey", StoreKind.SPARKEY, false),
    SQLITE_CACHED("sqlite+cache", StoreKind.SQLITE, true),
    LMDB_CACHED("lmdb+cache", StoreKind.LMDB, true),
    SPARKEY_CACHED("sparkey+cache", StoreKind.SPARKEY, true);

    private final String key;
    private final StoreKind store;
    private final boolean cached;

    Way(String key, StoreKind store, boolean cached) {
        this.key = key;
        this.store = store;
        this.cached = cached;
    }

    public String key() {
        return key;
    }

    /** Whether it loads every entry upfront (into {@code HashMap}s or compact maps) rather than opening a store. */
    public boolean eager() {
        return store == null;
    }

    public boolean cached() {
        return cached;
    }

    /** The store it opens; empty for an eager way. */
    public java.util.Optional<StoreKind> store() {
        return java.util.Optional.ofNullable(store);
    }

    /** The way named {@code key}; the message lists the known ones. */
    public static Way named(String key) {
        return Arrays.stream(values()).filter(w -> w.key.equals(key)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown way '" + key + "'; known: " + Arrays.stream(values()).map(Way::key).toList()));
    }

    /** A dataset's dictionaries ready to be opened this way, checked once: the files they read, and how to open them. */
    public interface Dictionaries {
        /** The files the dictionaries read: what a warm shot reads first and a cold one evicts. */
        List<Path> files();

        /** Opens (or, for an eager way, loads one file after another) every dictionary, in the manifest's order. */
        List<Store> open() throws IOException;
    }

    /**
     * The dictionaries of the dataset whose binary files {@code binary} describes; for a store, its files are checked
     * here (content and CRC32C, {@link StoreSet#verified}), once, not at every open.
     */
    public Dictionaries of(DatasetSpec spec, Manifest binary) throws IOException {
        if (eager()) {
            Format format = Format.named(this == COMPACT ? CompactFormat.NAME : "binary");
            return new Dictionaries() {
                @Override
                public List<Path> files() {
                    return binary.paths();
                }

                @Override
                public List<Store> open() throws IOException {
                    List<Store> maps = new ArrayList<>();
                    for (Manifest.FileEntry f : binary.files()) {
                        maps.add(new MapStore(format.read(f.file()), f.bytes()));
                    }
                    return maps;
                }
            };
        }
        StoreSet set = StoreSet.verified(spec, binary, store);
        return new Dictionaries() {
            @Override
            public List<Path> files() {
                return set.files();
            }

            @Override
            public List<Store> open() throws IOException {
                List<Store> stores = set.open();
                return cached ? stores.stream().<Store>map(CachedStore::new).toList() : stores;
            }
        };
    }
}
