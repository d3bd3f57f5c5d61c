package dictbench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.function.BiConsumer;
import org.lmdbjava.CursorIterable;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;

/**
 * LMDB through lmdbjava: a memory-mapped B+tree in one file ({@code MDB_NOSUBDIR}), opened read-only without a lock
 * file (the store never changes once built), read by one read transaction per thread with no copy until a value
 * becomes a String. Built in key order with {@code MDB_APPEND}, which packs the leaves full.
 *
 * <p>LMDB trusts its file: a truncated one would fault when a page beyond its end is touched, which kills the JVM.
 * So opening checks the file against its own meta pages first (magic, page size, last page) and refuses a file
 * shorter than they say, naming it.
 */
final class LmdbStore implements Store {
    private static final String DB = "dict";
    private static final int MAGIC = 0xBEEFC0DE;
    /** Readers a store admits: one per thread that looks up (the lookup benchmark's threads, at most the cores × 2). */
    private static final int MAX_READERS = 512;

    private final Path file;
    private final Env<ByteBuffer> env;
    private final Dbi<ByteBuffer> db;
    private final PerThread<Reader> readers;

    /** A thread's read transaction and the buffer its keys are written into. */
    private record Reader(Txn<ByteBuffer> txn, ByteBuffer key) {
    }

    private LmdbStore(Path file, Env<ByteBuffer> env) {
        this.file = file;
        this.env = env;
        this.db = env.openDbi(DB);
        int maxKey = env.getMaxKeySize();
        this.readers = new PerThread<>(() -> new Reader(env.txnRead(), ByteBuffer.allocateDirect(maxKey)), r -> r.txn().close());
    }

    static void build(Map<String, String> entries, Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        byte[][] keys = new byte[entries.size()][];
        byte[][] values = new byte[entries.size()][];
        long payload = 0;
        int longestValue = 1;
        int i = 0;
        for (var e : entries.entrySet()) {
            keys[i] = e.getKey().getBytes(StandardCharsets.UTF_8);
            values[i] = e.getValue().getBytes(StandardCharsets.UTF_8);
            payload += keys[i].length + values[i].length + 16;
            longestValue = Math.max(longestValue, values[i].length);
            i++;
        }
        Integer[] order = new Integer[keys.length];
        Arrays.setAll(order, n -> n);
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(keys[a], keys[b])); // LMDB's own order: memcmp of the bytes
        // a map size is address space, not disk: the file grows only as pages are written
        long mapSize = Math.max(64L << 20, payload * 3);
        try {
            try (Env<ByteBuffer> env = Env.create().setMapSize(mapSize).setMaxDbs(1)
                    .open(temp.toFile(), EnvFlags.MDB_NOSUBDIR, EnvFlags.MDB_NOLOCK, EnvFlags.MDB_NOSYNC)) {
                Dbi<ByteBuffer> db = env.openDbi(DB, DbiFlags.MDB_CREATE);
                int maxKey = env.getMaxKeySize();
                ByteBuffer key = ByteBuffer.allocateDirect(maxKey);
                ByteBuffer value = ByteBuffer.allocateDirect(longestValue);
                try (Txn<ByteBuffer> txn = env.txnWrite()) {
                    for (int n : order) {
                        if (keys[n].length == 0 || keys[n].length > maxKey) {
                            throw new IOException(target + ": LMDB holds keys of 1 to " + maxKey + " bytes, and a key here has "
                                    + keys[n].length + "; use another store for this dataset");
                        }
                        key.clear().put(keys[n]).flip();
                        value.clear().put(values[n]).flip();
                        db.put(txn, key, value, PutFlags.MDB_APPEND);
                    }
                    txn.commit();
                }
                env.sync(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (LmdbException e) {
            throw new IOException(target + ": LMDB could not write the store (" + e.getMessage() + ")", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static Store open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "no LMDB store; build it first");
        }
        long size = checkComplete(file);
        try {
            Env<ByteBuffer> env = Env.create().setMapSize(size).setMaxDbs(1).setMaxReaders(MAX_READERS)
                    .open(file.toFile(), EnvFlags.MDB_NOSUBDIR, EnvFlags.MDB_RDONLY_ENV, EnvFlags.MDB_NOLOCK, EnvFlags.MDB_NOTLS);
            try {
                return new LmdbStore(file, env);
            } catch (RuntimeException e) {
                env.close();
                throw e;
            }
        } catch (LmdbException e) {
            throw new IOException(file + ": LMDB could not open the store (" + e.getMessage() + "); build it again", e);
        }
    }

    /**
     * The file's size, once its newer meta page says it is a whole LMDB file: the magic, a page size that is a power
     * of two, and its last page within the file.
     */
    static long checkComplete(Path file) throws IOException {
        long size = Files.size(file);
        try (FileChannel channel = FileChannel.open(file)) {
            ByteBuffer first = ByteBuffer.allocate(160).order(ByteOrder.nativeOrder());
            channel.read(first, 0);
            int pageSize = first.getInt(40); // the free DB's md_pad holds the page size
            if (first.position() < 160 || first.getInt(16) != MAGIC || pageSize < 512 || Integer.bitCount(pageSize) != 1) {
                throw new IOException(file + " is not an LMDB store (no meta page at its start); build it again");
            }
            ByteBuffer second = ByteBuffer.allocate(160).order(ByteOrder.nativeOrder());
            channel.read(second, pageSize);
            ByteBuffer meta = second.position() == 160 && second.getInt(16) == MAGIC && second.getLong(144) > first.getLong(144) ? second : first;
            long lastPage = meta.getLong(136);
            if (lastPage < 1 || (lastPage + 1) > size / pageSize) {
                throw new IOException(file + " is truncated: its meta page says " + (lastPage + 1) * pageSize + " bytes, the file has "
                        + size + "; build it again");
            }
        }
        return size;
    }

    @Override
    public String get(String key) throws IOException {
        Reader reader = readers.get();
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > reader.key().capacity()) {
            return null; // a key LMDB cannot hold is in no LMDB store
        }
        reader.key().clear().put(bytes).flip();
        try {
            ByteBuffer value = db.get(reader.txn(), reader.key());
            return value == null ? null : string(value);
        } catch (LmdbException e) {
            throw new IOException(file + ": LMDB lookup failed (" + e.getMessage() + ")", e);
        }
    }

    private static String string(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void scan(BiConsumer<String, String> entry) throws IOException {
        try (Txn<ByteBuffer> txn = env.txnRead(); CursorIterable<ByteBuffer> cursor = db.iterate(txn)) {
            for (CursorIterable.KeyVal<ByteBuffer> kv : cursor) {
                entry.accept(string(kv.key()), string(kv.val()));
            }
        } catch (LmdbException e) {
            throw new IOException(file + ": LMDB scan failed (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public long bytes() throws IOException {
        return Files.size(file);
    }

    @Override
    public void close() throws IOException {
        try {
            readers.closeAll();
        } finally {
            env.close();
        }
    }
}
