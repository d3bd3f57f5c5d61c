package dictbench.dataset;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * A binary-format file's entries kept as the file's own bytes, in one array, with an open-addressing index over them:
 * one {@code byte[]} and one {@code long[]} per file instead of a {@code HashMap}'s node and two {@code String}s per
 * entry. A lookup encodes the key as UTF-8, compares bytes, and makes a {@code String} only for the value it returns.
 * It is read-only. Keys must be well-formed UTF-8, so that a key's encoding finds it; a value that is not reads as
 * the binary reader decodes it.
 *
 * <p>Each slot of the index is 0 (empty) or the key's {@code String.hashCode} over its offset in the array, where the
 * entry's key length starts (never 0: the file's header comes first). The index has at least two slots per entry,
 * probed linearly from HashMap's spread of the hash; a lookup uses the key's cached hash and compares its chars with
 * the bytes of an ASCII key without encoding it. Blocks may be indexed from several threads at once ({@link #loadBlock}): a slot is
 * claimed by compare-and-set after the entry's bytes are in place, so a thread that reads the slot sees them.
 */
public final class CompactMap extends AbstractMap<String, String> {
    /** The largest file one array holds. */
    public static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;
    /** The most entries the index takes: two slots each, in an array of at most 2^30 slots. */
    public static final long MAX_ENTRIES = 1L << 29;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

    private final byte[] bytes;
    private final long[] slots;
    private final int size;
    private final String source;

    private CompactMap(byte[] bytes, long entries, String source) throws FormatException {
        if (entries > MAX_ENTRIES) {
            throw new FormatException(source, 12, "holds " + entries + " entries; a compact map indexes at most " + MAX_ENTRIES);
        }
        int capacity = 2;
        while (capacity < 2 * entries) {
            capacity <<= 1;
        }
        this.bytes = bytes;
        this.slots = new long[capacity];
        this.size = (int) entries;
        this.source = source;
    }

    /** An empty map the size of the file whose header this is; {@link #loadBlock} fills it. */
    public static CompactMap forFile(BinaryFormat.Header header, String source) throws FormatException {
        if (header.fileBytes() > MAX_FILE_BYTES) {
            throw new FormatException(source, 0, "file is " + header.fileBytes() + " bytes; a compact map holds at most "
                    + MAX_FILE_BYTES + " bytes in its one array: load it with --format binary");
        }
        return new CompactMap(new byte[(int) header.fileBytes()], header.entries(), source);
    }

    /** A map over a whole file already in memory (not copied); {@link #index} fills it. */
    static CompactMap over(byte[] file, long entries, String source) throws FormatException {
        return new CompactMap(file, entries, source);
    }

    /**
     * Reads one block of the file into its place in the array and indexes its entries. Blocks of one file may load on
     * several threads at once; the map is complete once every block of its header has loaded.
     */
    public void loadBlock(FileChannel channel, BinaryFormat.Block block) throws IOException {
        BinaryFormat.readFully(channel, ByteBuffer.wrap(bytes, (int) block.offset(), block.length()), block.offset(), source);
        index(block);
    }

    /**
     * Indexes a block whose bytes are in place, checking every length as {@link BinaryFormat#decodeBlock} does (the
     * same errors at the same offsets: array offsets are file offsets here) and refusing a key already indexed.
     */
    void index(BinaryFormat.Block block) throws FormatException {
        int p = (int) block.offset();
        int end = p + block.length();
        for (int i = 0; i < block.entries(); i++) {
            int entry = p;
            if (p >= end) {
                throw BinaryFormat.truncated(source, p, "key length of entry " + i, 1, 0);
            }
            long key = checkedLength(p, end);
            int keyLength = (int) (key >>> 32);
            p = (int) key;
            if (keyLength > end - p) {
                throw BinaryFormat.truncated(source, p, "key", keyLength, end - p);
            }
            int keyStart = p;
            int keyEnd = keyStart + keyLength;
            int hash = 0;
            int k = keyStart;
            for (; k < keyEnd && bytes[k] >= 0; k++) {
                hash = 31 * hash + bytes[k]; // String.hashCode of an ASCII key
            }
            if (k < keyEnd) {
                if (!isUtf8(bytes, keyStart, keyLength)) {
                    // a HashMap holds such a key as its decoding, with U+FFFD for each bad byte, which would not find it here
                    throw new FormatException(source, keyStart, "the key of entry " + i + " in block " + block.index() + " is not well-formed UTF-8");
                }
                hash = new String(bytes, keyStart, keyLength, StandardCharsets.UTF_8).hashCode();
            }
            p += keyLength;
            if (p >= end) {
                throw BinaryFormat.truncated(source, p, "value length", 1, 0);
            }
            long value = checkedLength(p, end);
            int valueLength = (int) (value >>> 32);
            p = (int) value;
            if (valueLength > end - p) {
                throw BinaryFormat.truncated(source, p, "value", valueLength, end - p);
            }
            p += valueLength;
            if (!insert(entry, hash, keyStart, keyLength)) {
                throw new FormatException(source, p, "duplicate key in block " + block.index());
            }
        }
        if (p != end) {
            throw new FormatException(source, p, "block " + block.index() + " has " + (end - p) + " bytes after its " + block.entries() + " entries");
        }
    }

    /** Claims a slot for the entry at {@code entry}; false when its key is already in the index. */
    private boolean insert(int entry, int hash, int keyStart, int keyLength) {
        long claim = ((long) hash << 32) | entry;
        int mask = slots.length - 1;
        for (int i = spread(hash); ; i = (i + 1) & mask) {
            long slot = (long) SLOTS.getAcquire(slots, i);
            if (slot == 0) {
                if (SLOTS.compareAndSet(slots, i, 0L, claim)) {
                    return true;
                }
                slot = (long) SLOTS.getAcquire(slots, i);
            }
            if ((int) (slot >>> 32) == hash && keyEquals((int) slot, keyStart, keyLength)) {
                return false;
            }
        }
    }

    @Override
    public String get(Object key) {
        if (!(key instanceof String k)) {
            return null;
        }
        int hash = k.hashCode();
        int mask = slots.length - 1;
        for (int i = spread(hash); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == 0) {
                return null;
            }
            if ((int) (slot >>> 32) == hash && keyEquals((int) slot, k)) {
                long keyLength = length((int) slot);
                int valueAt = (int) keyLength + (int) (keyLength >>> 32);
                return string(valueAt);
            }
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (long slot : slots) {
            if (slot != 0) {
                int entry = (int) slot;
                long keyLength = length(entry);
                int valueAt = (int) keyLength + (int) (keyLength >>> 32);
                action.accept(string(entry), string(valueAt));
            }
        }
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < slots.length && slots[i] == 0) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < slots.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        int entry = (int) slots[next];
                        next = advance(next + 1);
                        long keyLength = length(entry);
                        int valueAt = (int) keyLength + (int) (keyLength >>> 32);
                        return new SimpleImmutableEntry<>(string(entry), string(valueAt));
                    }
                };
            }
        };
    }

    /** The string whose varint length starts at {@code at}. */
    private String string(int at) {
        long length = length(at);
        return new String(bytes, (int) length, (int) (length >>> 32), StandardCharsets.UTF_8);
    }

    /** The varint length at {@code p} (bounded by {@code end}) and the position after it, as (length << 32) | position. */
    private long checkedLength(int p, int end) throws FormatException {
        int first = bytes[p];
        if (first >= 0) { // a one-byte varint is the common case
            return ((long) first << 32) | (p + 1);
        }
        return BinaryFormat.readVarint(bytes, p, end, 0, source);
    }

    /** As {@link #checkedLength} for a length {@link #index} has checked already. */
    private long length(int p) {
        try {
            return checkedLength(p, bytes.length);
        } catch (FormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the key of the entry at {@code entry} is {@code bytes[from, from + length)}. */
    private boolean keyEquals(int entry, int from, int length) {
        long keyLength = length(entry);
        int start = (int) keyLength;
        return (int) (keyLength >>> 32) == length && Arrays.equals(bytes, start, start + length, bytes, from, from + length);
    }

    /**
     * Whether the key of the entry at {@code entry} is {@code key}: char by char against the bytes where it is as long in
     * chars as in bytes (ASCII, the common case, with no array made), else by its UTF-8 encoding.
     */
    private boolean keyEquals(int entry, String key) {
        long keyLength = length(entry);
        int start = (int) keyLength;
        int length = (int) (keyLength >>> 32);
        int n = key.length();
        if (length == n) {
            for (int i = 0; i < n; i++) {
                if (key.charAt(i) != bytes[start + i]) {
                    return false; // a char above 0x7F never equals a byte: a key of n bytes and n chars with one is not this one
                }
            }
            return true;
        }
        byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
        return Arrays.equals(bytes, start, start + length, utf8, 0, utf8.length);
    }

    /** Whether {@code b[from, from + length)} is well-formed UTF-8 (RFC 3629: no overlong form, surrogate or code point past U+10FFFF). */
    static boolean isUtf8(byte[] b, int from, int length) {
        int end = from + length;
        int i = from;
        while (i < end) {
            int lead = b[i];
            if (lead >= 0) {
                i++;
                continue;
            }
            lead &= 0xff;
            int continuations = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 : lead >= 0xF0 && lead <= 0xF4 ? 3 : -1;
            if (continuations < 0 || end - i <= continuations) {
                return false;
            }
            int second = b[i + 1] & 0xff;
            if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) {
                return false;
            }
            for (int k = 1; k <= continuations; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuations + 1;
        }
        return true;
    }

    /**
     * The first slot of a hash: HashMap's own spread ({@code h ^ h >>> 16}, masked). The binary format writes a file's
     * entries in the bucket order of a HashMap of the same table size, and the hash is String's, so a file's entries
     * claim slots front to back, as its HashMap's inserts walk its table, instead of missing the cache at every insert.
     */
    private int spread(int hash) {
        return (hash ^ (hash >>> 16)) & (slots.length - 1);
    }
}
