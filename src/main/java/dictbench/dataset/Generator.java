package dictbench.dataset;

import dictbench.os.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Writes a spec's files and their manifest. Deterministic: file {@code i}'s content depends only on
 * the spec and {@code i}, so the same spec and seed give byte-identical files on any machine.
 *
 * <p>Every file is written under a temporary name and renamed when complete; files whose manifest
 * entry still matches (same spec hash, size and CRC32C) are kept; free space is checked first.
 */
public final class Generator {
    /** Bumped whenever generated content changes, so old manifests stop matching. */
    public static final int VERSION = 2;
    /** Keys use letters and digits; values printable ASCII. */
    private static final byte[] KEY_CHARS = KeySuffix.ALPHABET;
    private static final byte[] VALUE_CHARS = printableAscii();
    /** Free space must exceed the estimate by this factor. */
    static final double SPACE_MARGIN = 1.10;
    private static final int PROGRESS_STEP = 10_000;

    /** What a run did: the manifest, where it is, and how many files were written or kept. */
    public record Result(Manifest manifest, Path manifestPath, int written, int kept) {
    }

    /** The directory file {@code index} of {@code spec} goes to. */
    public static Path dataDirectory(DatasetSpec spec, int index) {
        return spec.directoryOf(index).resolve(spec.name() + "-" + spec.format());
    }

    public static Path manifestPath(DatasetSpec spec) {
        return dataDirectory(spec, 0).resolve(Manifest.FILE_NAME);
    }

    static Path filePath(DatasetSpec spec, Format format, int index) {
        return dataDirectory(spec, index).resolve(String.format("part-%03d.%s", index, format.extension()));
    }

    /**
     * Generates what is missing or stale. {@code progress} receives entry counts as they are made
     * (from several threads).
     */
    public Result generate(DatasetSpec spec, LongConsumer progress) throws IOException {
        Format format = Format.named(spec.format());
        for (Path dir : spec.directories()) {
            checkMounted(dir);
        }
        for (int i = 0; i < spec.files(); i++) {
            prepareDirectory(dataDirectory(spec, i));
        }
        Path manifestPath = manifestPath(spec);
        Manifest.FileEntry[] entries = reusableEntries(spec, format, manifestPath);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < spec.files(); i++) {
            if (entries[i] == null) {
                todo.add(i);
            } else {
                progress.accept(spec.entriesOf(i));
            }
        }
        checkFreeSpace(spec, format, todo);
        if (!todo.isEmpty()) {
            Files.deleteIfExists(manifestPath); // the old one no longer describes the files
        }
        int threads = Math.max(1, Math.min(todo.size(), Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Manifest.FileEntry>> futures = new ArrayList<>();
            for (int i : todo) {
                futures.add(pool.submit(() -> writeFile(spec, format, i, progress)));
            }
            for (int k = 0; k < todo.size(); k++) {
                entries[todo.get(k)] = await(futures.get(k));
            }
        }
        List<Mounts.Mount> mounts = new ArrayList<>();
        for (Path dir : spec.directories()) {
            mounts.add(Mounts.describe(dir));
        }
        Manifest manifest = new Manifest(Manifest.VERSION, spec.name(), spec.contentHash(), format.name(),
                describe(spec), List.of(entries), mounts);
        manifest.write(manifestPath);
        return new Result(manifest, manifestPath, todo.size(), spec.files() - todo.size());
    }

    /** The entries of file {@code index}, in generation order. */
    public static Map<String, String> entries(DatasetSpec spec, int index, LongConsumer progress) {
        long count = spec.entriesOf(index);
        SplittableRandom random = new SplittableRandom(fileSeed(spec.seed(), index));
        int suffixWidth = KeySuffix.width(count);
        Map<String, String> map = new LinkedHashMap<>(Format.hashMapCapacity(count));
        for (long j = 0; j < count; j++) {
            byte[] key = randomChars(random, spec.keyLength(), KEY_CHARS);
            KeySuffix.write(j, key, key.length, suffixWidth);
            byte[] value = randomChars(random, spec.valueLength(), VALUE_CHARS);
            map.put(new String(key, java.nio.charset.StandardCharsets.ISO_8859_1),
                    new String(value, java.nio.charset.StandardCharsets.ISO_8859_1));
            if ((j + 1) % PROGRESS_STEP == 0) {
                progress.accept(PROGRESS_STEP);
            }
        }
        progress.accept(count % PROGRESS_STEP);
        return map;
    }

    private static Manifest.FileEntry writeFile(DatasetSpec spec, Format format, int index, LongConsumer progress)
            throws IOException {
        Map<String, String> map = entries(spec, index, progress);
        String digest = ContentDigest.of(map).hex();
        Path path = filePath(spec, format, index);
        CRC32C crc = new CRC32C();
        long[] bytes = new long[1];
        AtomicFiles.write(path, out -> {
            CountingCrcStream counted = new CountingCrcStream(out, crc);
            format.write(map, counted);
            counted.flush();
            bytes[0] = counted.count;
        });
        return new Manifest.FileEntry(path.toAbsolutePath().toString(), bytes[0], map.size(), Manifest.hex32(crc.getValue()), digest);
    }

    private static Manifest.FileEntry[] reusableEntries(DatasetSpec spec, Format format, Path manifestPath) throws IOException {
        Manifest.FileEntry[] entries = new Manifest.FileEntry[spec.files()];
        if (!Files.exists(manifestPath)) {
            return entries;
        }
        Manifest old;
        try {
            old = Manifest.read(manifestPath);
        } catch (DatasetMismatchException unreadable) {
            return entries; // regenerate everything; the new manifest replaces it
        }
        if (!old.specHash().equals(spec.contentHash()) || old.files().size() != spec.files()) {
            return entries;
        }
        for (int i = 0; i < spec.files(); i++) {
            Manifest.FileEntry e = old.files().get(i);
            if (!e.file().equals(filePath(spec, format, i).toAbsolutePath())) {
                continue;
            }
            try {
                e.checkFile();
                entries[i] = e;
            } catch (DatasetMismatchException stale) {
                // regenerate this one
            }
        }
        return entries;
    }

    /**
     * A spec directory may be created, but only inside a directory that exists: when its parent is
     * missing, the filesystem meant to hold it (tmpfs at /dev/shm, a second disk) is most likely not
     * mounted, and creating the path would silently put the data on the wrong device.
     */
    static void checkMounted(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir) && parent != null && Files.notExists(parent)) {
            throw new NoSuchFileException(parent.toString(), null, "does not exist, so " + dir + " would land on another "
                    + "filesystem (is it mounted?); mount it, create it, or change the spec's dirs (or generate --out, bench --data-dir)");
        }
    }

    private static void prepareDirectory(Path dir) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create output directory " + dir + " (" + describe(e) + "); choose another directory (generate --out, bench --data-dir)", e);
        }
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "output directory is not writable; choose another directory (generate --out, bench --data-dir)");
        }
        AtomicFiles.deleteLeftovers(dir, "part-");
        AtomicFiles.deleteLeftovers(dir, Manifest.FILE_NAME);
    }

    private static void checkFreeSpace(DatasetSpec spec, Format format, List<Integer> todo) throws IOException {
        Map<FileStore, Long> needed = new HashMap<>();
        Map<FileStore, Path> where = new HashMap<>();
        for (int i : todo) {
            Path dir = dataDirectory(spec, i);
            FileStore store = Files.getFileStore(dir);
            long estimate = (long) (SPACE_MARGIN * format.estimateBytes(spec.entriesOf(i), spec.keyLength().mean(), spec.valueLength().mean()));
            needed.merge(store, estimate, Long::sum);
            where.putIfAbsent(store, dir);
        }
        for (Map.Entry<FileStore, Long> e : needed.entrySet()) {
            long free = e.getKey().getUsableSpace();
            if (free < e.getValue()) {
                throw new IOException("not enough free space in " + where.get(e.getKey()) + ": the dataset needs about "
                        + mb(e.getValue()) + " MB there, " + mb(free) + " MB are free; free some space or choose another --out");
            }
        }
    }

    private static Map<String, Object> describe(DatasetSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        m.put("description", spec.description());
        m.put("files", spec.files());
        m.put("entries", spec.entries());
        m.put("entries.scale", spec.scale());
        m.put("key.length", spec.keyLength().toString());
        m.put("value.length", spec.valueLength().toString());
        m.put("seed", spec.seed());
        m.put("format", spec.format());
        m.put("dirs", spec.directories().stream().map(Path::toString).toList());
        return m;
    }

    private static byte[] randomChars(SplittableRandom random, DatasetSpec.LengthRange range, byte[] alphabet) {
        byte[] chars = new byte[random.nextInt(range.min(), range.max() + 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return chars;
    }

    /** Distinct, well-mixed seeds per file (Steele, Lea, Flood: SplittableRandom's mix64). */
    static long fileSeed(long seed, int index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static byte[] printableAscii() {
        byte[] chars = new byte[126 - 32 + 1];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (byte) (32 + i);
        }
        return chars;
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while generating");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static long mb(long bytes) {
        return (bytes + 999_999) / 1_000_000;
    }

    /** Counts and checksums what passes through. */
    private static final class CountingCrcStream extends CheckedOutputStream {
        long count;

        CountingCrcStream(OutputStream out, CRC32C crc) {
            super(out, crc);
        }

        @Override
        public void write(int b) throws IOException {
            super.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            count += len;
        }
    }
}
