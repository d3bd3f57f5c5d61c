package dictbench.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dictbench.dataset.ContentDigest;
import dictbench.dataset.DatasetMismatchException;
import dictbench.dataset.DatasetSpec;
import dictbench.dataset.Format;
import dictbench.dataset.Manifest;
import dictbench.os.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A dataset's files as stores of one kind, one store per file, beside the formats' files on the spec's directories
 * ({@code <dir>/<spec>-<kind>/part-NNN.db|.spi}), described by {@value #FILE_NAME}: per store its files, size on disk,
 * entries, content digest and build time. Each store is built from the dataset's binary file and then checked by a full
 * scan against the dataset's manifest, outside any timed region; a store that still matches is kept.
 *
 * @param dataset  the spec's name
 * @param specHash the dataset's spec hash (of its binary form), so a store of other content is never taken for it
 * @param kind     the store's {@link StoreKind#key()}
 * @param stores   one per data file, in the manifest's order
 */
public record StoreSet(String dataset, String specHash, String kind, List<Entry> stores) {

    public static final String FILE_NAME = "stores.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public StoreSet {
        stores = List.copyOf(stores);
    }

    /**
     * @param path        the store's path (its index for Sparkey), absolute
     * @param bytes       its files' bytes on disk
     * @param entries     its entries
     * @param digest      the content digest of a full scan, equal to the data file's in the manifest
     * @param buildMillis how long building it took, from the decoded map to the rename
     * @param crc32c      the CRC32C of each of its files ({@link StoreKind#files}), 8 hex digits each, checked before it is opened
     */
    public record Entry(String path, long bytes, long entries, String digest, long buildMillis, List<String> crc32c) {

        /** Checks every file of the store against its CRC32C; the message names the file and how to build it again. */
        void checkFiles(StoreKind kind, String rebuild) throws IOException {
            List<Path> files = kind.files(Path.of(path));
            if (crc32c == null || crc32c.size() != files.size()) {
                throw new DatasetMismatchException(path + " has no checksum for each of its files in " + FILE_NAME + "; " + rebuild);
            }
            for (int i = 0; i < files.size(); i++) {
                Path file = files.get(i);
                if (!Files.isRegularFile(file)) {
                    throw new DatasetMismatchException(file + " is missing; " + rebuild);
                }
                String crc = Manifest.fileCrc32c(file);
                if (!crc.equals(crc32c.get(i))) {
                    throw new DatasetMismatchException(file + " has CRC32C " + crc + ", " + FILE_NAME + " says " + crc32c.get(i)
                            + ": it changed since it was built; " + rebuild);
                }
            }
        }
    }

    /** Where the stores of {@code kind} for file {@code index} of {@code spec} go. */
    public static Path storePath(DatasetSpec spec, StoreKind kind, int index) {
        return spec.directoryOf(index).resolve(spec.name() + "-" + kind.key())
                .resolve(String.format("part-%03d.%s", index, kind.extension()));
    }

    /** Where the description of the stores of {@code kind} for {@code spec} goes. */
    public static Path descriptionPath(DatasetSpec spec, StoreKind kind) {
        return storePath(spec, kind, 0).resolveSibling(FILE_NAME);
    }

    /**
     * Builds (or keeps) a store of {@code kind} for every file of {@code binary}, the manifest of {@code spec}'s binary
     * files, checks each by a full scan and writes {@value #FILE_NAME}.
     *
     * @throws dictbench.dataset.DatasetMismatchException if a store's scan differs from the manifest, naming the file
     */
    public static StoreSet build(DatasetSpec spec, Manifest binary, StoreKind kind) throws IOException {
        Path description = descriptionPath(spec, kind);
        List<Entry> previous = Files.isRegularFile(description) ? read(description).reusable(binary) : List.of();
        List<Entry> stores = new ArrayList<>();
        for (int i = 0; i < binary.files().size(); i++) {
            Manifest.FileEntry file = binary.files().get(i);
            Path target = storePath(spec, kind, i);
            String path = target.toAbsolutePath().toString();
            var kept = previous.stream().filter(e -> e.path().equals(path)).findFirst();
            if (kept.isPresent() && onDisk(kind, target) == kept.get().bytes()) {
                stores.add(kept.get());
                continue;
            }
            boolean made = !Files.isDirectory(target.getParent());
            Files.createDirectories(target.getParent());
            var map = Format.named(binary.format()).read(file.file());
            long start = System.nanoTime();
            try {
                kind.build(map, target);
            } catch (IOException | RuntimeException e) {
                if (made) { // a store that could not be built leaves no empty directory behind
                    try {
                        Files.deleteIfExists(target.getParent());
                    } catch (IOException left) {
                        e.addSuppressed(left);
                    }
                }
                throw e;
            }
            long buildMillis = (System.nanoTime() - start) / 1_000_000;
            try (Store store = kind.open(target)) {
                ContentDigest digest = new ContentDigest();
                store.scan(digest::add);
                file.checkContent(digest.entries(), digest.hex());
                List<String> crcs = new ArrayList<>();
                for (Path f : kind.files(target)) {
                    crcs.add(Manifest.fileCrc32c(f));
                }
                stores.add(new Entry(path, store.bytes(), digest.entries(), digest.hex(), buildMillis, crcs));
            }
        }
        StoreSet set = new StoreSet(spec.name(), binary.specHash(), kind.key(), stores);
        AtomicFiles.write(description, out -> JSON.writeValue(out, set));
        return set;
    }

    /** The bytes of the store's files, or -1 if one is missing (then it is built again). */
    private static long onDisk(StoreKind kind, Path target) throws IOException {
        long total = 0;
        for (Path f : kind.files(target)) {
            if (!Files.isRegularFile(f)) {
                return -1;
            }
            total += Files.size(f);
        }
        return total;
    }

    /** The entries of this description that still describe {@code binary}'s content: same spec hash and digests. */
    private List<Entry> reusable(Manifest binary) {
        if (!specHash.equals(binary.specHash()) || stores.size() != binary.files().size()) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < stores.size(); i++) {
            if (stores.get(i).digest().equals(binary.files().get(i).digest()) && stores.get(i).crc32c() != null) {
                out.add(stores.get(i));
            }
        }
        return out;
    }

    /**
     * The stores of {@code kind} for {@code spec}, as {@value #FILE_NAME} describes them, checked before any is opened:
     * built from {@code binary}'s content (spec hash and digests) and every file unchanged (CRC32C). The messages say how
     * to build them (again).
     */
    public static StoreSet verified(DatasetSpec spec, Manifest binary, StoreKind kind) throws IOException {
        Path description = descriptionPath(spec, kind);
        String rebuild = "build the stores: scripts/dictbench generate " + spec.name() + " --format " + kind.key();
        if (!Files.isRegularFile(description)) {
            throw new java.nio.file.NoSuchFileException(description.toString(), null, "no " + kind.key() + " stores for dataset "
                    + spec.name() + "; " + rebuild);
        }
        StoreSet set = read(description);
        if (!set.specHash.equals(binary.specHash()) || set.stores.size() != binary.files().size()) {
            throw new DatasetMismatchException(description + " describes stores of other content than dataset " + spec.name() + "; " + rebuild);
        }
        for (int i = 0; i < set.stores.size(); i++) {
            Entry entry = set.stores.get(i);
            if (!entry.digest().equals(binary.files().get(i).digest())) {
                throw new DatasetMismatchException(entry.path() + " holds other content than " + binary.files().get(i).path() + "; " + rebuild);
            }
            entry.checkFiles(kind, rebuild);
        }
        return set;
    }

    /** Opens every store of the set, in the manifest's order; on a failure, those already open are closed. */
    public List<Store> open() throws IOException {
        StoreKind k = StoreKind.named(kind);
        List<Store> open = new ArrayList<>();
        try {
            for (Entry e : stores) {
                open.add(k.open(Path.of(e.path())));
            }
            return open;
        } catch (IOException | RuntimeException e) {
            try {
                dictbench.os.EachOf.apply(open, Store::close);
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Every file of every store: what a cold shot evicts. */
    public List<Path> files() {
        StoreKind k = StoreKind.named(kind);
        return stores.stream().flatMap(e -> k.files(Path.of(e.path())).stream()).toList();
    }

    public static StoreSet read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), StoreSet.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new DatasetMismatchException(file + " is not a store description (" + e.getOriginalMessage()
                    + "); delete it and build the stores again");
        }
    }

    public long totalBytes() {
        return stores.stream().mapToLong(Entry::bytes).sum();
    }

    public long totalBuildMillis() {
        return stores.stream().mapToLong(Entry::buildMillis).sum();
    }

    /** One line on the set, as generate and bench print it. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%s (%s): %d stores, %.1f MB on disk, %d entries, built in %.1f s, "
                + "every one checked by a full scan against the manifest", dataset, kind, stores.size(), totalBytes() / 1e6,
                stores.stream().mapToLong(Entry::entries).sum(), totalBuildMillis() / 1e3);
    }
}
