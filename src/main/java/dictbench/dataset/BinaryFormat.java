package dictbench.dataset;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The block-structured binary format. Blocks decode on their own, so one big file can be split
 * across cores.
 *
 * <pre>
 * header  magic "DICTBIN1" (8 bytes) | version int32 | entries int64 | blocks int32
 *         | blocks x (offset int64, length int32, entries int32) | CRC32C of the header so far, int32
 * blocks  entries x (keyLength varint, key UTF-8, valueLength varint, value UTF-8)
 * </pre>
 *
 * All integers are big-endian; varints are unsigned LEB128 of at most 5 bytes. Blocks follow the
 * header back to back and end exactly at the end of the file.
 *
 * <p>Entries are written in the iteration order of the {@code HashMap} the reader builds (bucket
 * order for a table of {@link Format#hashMapCapacity} entries), just as Java serialization of a
 * HashMap writes its table in order. The reader's inserts then walk the table front to back instead
 * of missing the cache at every put, which made building the map several times faster than in
 * generation order. Each block then covers a contiguous run of buckets, so
 * block-parallel loads into a {@code ConcurrentHashMap} of the same capacity keep that locality. Every length is checked against
 * what remains, so a corrupt file raises {@link FormatException}, never an allocation of its say-so.
 */
public final class BinaryFormat implements Format {
    public static final String NAME = "binary";
    public static final int VERSION = 1;
    /** Blocks are cut when they reach this many bytes: small enough to spread a 70 MB file over ~280 tasks. */
    public static final int DEFAULT_BLOCK_BYTES = 256 * 1024;
    static final byte[] MAGIC = "DICTBIN1".getBytes(StandardCharsets.US_ASCII);
    static final int FIXED_HEADER_BYTES = 8 + 4 + 8 + 4;
    static final int INDEX_ENTRY_BYTES = 8 + 4 + 4;
    /** The smallest entry is two zero-length varints. */
    public static final int MIN_ENTRY_BYTES = 2;

    private final int blockBytes;

    public BinaryFormat() {
        this(DEFAULT_BLOCK_BYTES);
    }

    public BinaryFormat(int blockBytes) {
        if (blockBytes < 1) {
            throw new IllegalArgumentException("blockBytes must be >= 1, got " + blockBytes);
        }
        this.blockBytes = blockBytes;
    }

    /** One independently decodable block: where it is in the file, how long, how many entries. */
    public record Block(int index, long offset, int length, int entries) {
    }

    /** A file's header: total entries and the block index. */
    public record Header(long entries, List<Block> blocks, long fileBytes) {
        public Header {
            blocks = List.copyOf(blocks);
        }

        public static int bytes(int blockCount) {
            return FIXED_HEADER_BYTES + blockCount * INDEX_ENTRY_BYTES + 4;
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String extension() {
        return "dict";
    }

    @Override
    public long estimateBytes(long entries, double meanKeyChars, double meanValueChars) {
        long payload = (long) Math.ceil(entries * (meanKeyChars + meanValueChars + 2 * 3));
        return Header.bytes((int) Math.min(Integer.MAX_VALUE / INDEX_ENTRY_BYTES, payload / blockBytes + 1)) + payload;
    }

    /**
     * Writes {@code map} as a whole file. The header indexes every block, so the blocks are encoded
     * (by {@link #encodeBlocks}) and held until the header can be written before them.
     */
    @Override
    public void write(Map<String, String> map, OutputStream out) throws IOException {
        List<byte[]> blocks = new ArrayList<>();
        List<Integer> entries = new ArrayList<>();
        encodeBlocks(map, (bytes, length, n) -> {
            blocks.add(Arrays.copyOf(bytes, length));
            entries.add(n);
        });
        ByteBuffer header = ByteBuffer.allocate(Header.bytes(blocks.size())).order(ByteOrder.BIG_ENDIAN);
        header.put(MAGIC).putInt(VERSION).putLong(map.size()).putInt(blocks.size());
        long offset = header.capacity();
        for (int i = 0; i < blocks.size(); i++) {
            header.putLong(offset).putInt(blocks.get(i).length).putInt(entries.get(i));
            offset += blocks.get(i).length;
        }
        CRC32C crc = new CRC32C();
        crc.update(header.array(), 0, header.position());
        header.putInt((int) crc.getValue());
        out.write(header.array());
        for (byte[] block : blocks) {
            out.write(block);
        }
    }

    /**
     * Receives the blocks of {@link #encodeBlocks} one at a time. {@code bytes[0, length)} holds the
     * block's entries; the array is reused for the next block once this returns.
     */
    @FunctionalInterface
    public interface BlockSink {
        void accept(byte[] bytes, int length, int entries) throws IOException;
    }

    /**
     * Encodes {@code map}'s entries, in the reader's bucket order, into the blocks a file of it would
     * hold, handing each to {@code sink} as soon as it is full: a block is cut once it reaches the
     * block size. The blocks are built in one reused buffer, so nothing the size of the file is
     * allocated: how a subprocess child ships its map while it encodes it.
     */
    public void encodeBlocks(Map<String, String> map, BlockSink sink) throws IOException {
        encodeBlocks(map, false, sink);
    }

    /**
     * As {@link #encodeBlocks(Map, BlockSink)}; with {@code allAscii} (every key and value is known
     * to be pure ASCII, {@link Format.Decoded#allAscii()}) each string's chars are copied straight
     * into the block, which is their UTF-8, instead of being encoded into an array of their own
     * first. The blocks are the same either way; encoding allocates and fills an array per string
     * before it copies it, and copying instead halved a subprocess child's encoding time (docs/method.md, "Strategies").
     */
    public void encodeBlocks(Map<String, String> map, boolean allAscii, BlockSink sink) throws IOException {
        BlockBuffer block = new BlockBuffer(blockBytes);
        int entries = 0;
        for (Map.Entry<String, String> e : bucketOrder(map).entrySet()) {
            if (allAscii) {
                block.putAscii(e.getKey());
                block.putAscii(e.getValue());
            } else {
                block.putString(e.getKey());
                block.putString(e.getValue());
            }
            entries++;
            if (block.length() >= blockBytes) {
                sink.accept(block.bytes(), block.length(), entries);
                block.clear();
                entries = 0;
            }
        }
        if (entries > 0) {
            sink.accept(block.bytes(), block.length(), entries);
        }
    }

    /**
     * {@code map} in the reader's bucket order. A plain HashMap is taken as it is: the decoders here
     * size theirs like the reader, so its iteration order already is that order, and re-encoding a
     * decoded map (the subprocess strategy's child) should not pay for a copy.
     */
    private static Map<String, String> bucketOrder(Map<String, String> map) {
        if (map.getClass() == HashMap.class) {
            return map;
        }
        Map<String, String> ordered = new HashMap<>(Format.hashMapCapacity(map.size()));
        ordered.putAll(map);
        return ordered;
    }

    @Override
    public Map<String, String> decode(byte[] bytes, String source) throws FormatException {
        Header header = parseHeader(ByteBuffer.wrap(bytes), bytes.length, source);
        Map<String, String> map = new HashMap<>(Format.hashMapCapacity(header.entries()));
        for (Block block : header.blocks()) {
            decodeBlock(bytes, (int) block.offset(), block, map, source);
        }
        return map;
    }

    /**
     * Reads a file block by block into one reused buffer, decoding each block as it arrives. Read
     * sequentially like this, a file from disk is fetched by the kernel's readahead while the
     * previous block decodes, so reading and decoding overlap (reading the whole file first and
     * then decoding makes them add up); and no array of the whole file is allocated.
     */
    @Override
    public Map<String, String> read(Path file) throws IOException {
        return read(file, false).map();
    }

    /** As {@link #read}, checking every string for pure ASCII on the way (see {@link #decodeBlock(byte[], int, Block, Map, String, boolean)}). */
    @Override
    public Decoded readCheckingAscii(Path file) throws IOException {
        return read(file, true);
    }

    private static Decoded read(Path file, boolean checkAscii) throws IOException {
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = readHeader(channel, source);
            Map<String, String> map = new HashMap<>(Format.hashMapCapacity(header.entries()));
            byte[] buffer = new byte[header.blocks().stream().mapToInt(Block::length).max().orElse(0)];
            boolean allAscii = checkAscii;
            for (Block block : header.blocks()) {
                readFully(channel, ByteBuffer.wrap(buffer, 0, block.length()), block.offset(), source);
                allAscii &= decodeBlock(buffer, 0, block, map, source, allAscii);
            }
            return new Decoded(map, allAscii);
        }
    }

    /** Reads and checks the header of an open file without reading its blocks. */
    public static Header readHeader(FileChannel channel, String source) throws IOException {
        long size = channel.size();
        ByteBuffer fixed = ByteBuffer.allocate((int) Math.min(size, FIXED_HEADER_BYTES));
        readFully(channel, fixed, 0, source);
        int blockCount = checkFixedHeader(fixed.flip(), size, source);
        ByteBuffer whole = ByteBuffer.allocate(Header.bytes(blockCount));
        readFully(channel, whole, 0, source);
        return parseHeader(whole.flip(), size, source);
    }

    /** Reads one block's bytes from an open file (positional read: safe from several threads). */
    public static byte[] readBlock(FileChannel channel, Block block, String source) throws IOException {
        byte[] bytes = new byte[block.length()];
        readFully(channel, ByteBuffer.wrap(bytes), block.offset(), source);
        return bytes;
    }

    /** Convenience: the header of a file on disk. */
    public static Header readHeader(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(ch, file.toString());
        }
    }

    /**
     * Decodes one block into {@code into}. {@code bytes[start..start+block.length)} holds the block;
     * offsets in errors are file offsets.
     */
    public static void decodeBlock(byte[] bytes, int start, Block block, Map<String, String> into, String source)
            throws FormatException {
        decodeBlock(bytes, start, block, into, source, false);
    }

    /**
     * As {@link #decodeBlock(byte[], int, Block, Map, String)}; with {@code checkAscii}, returns
     * whether every key and value of the block is pure ASCII (without, false). The check costs two
     * field reads and a call per string, since a string decoded from UTF-8 is pure ASCII exactly
     * when it has one char per byte and no U+FFFD: a multi-byte sequence gives fewer chars than
     * bytes, a malformed byte becomes one U+FFFD, and a string of Latin-1 chars answers
     * {@code indexOf} of a char above 0xFF without looking at its chars.
     */
    public static boolean decodeBlock(byte[] bytes, int start, Block block, Map<String, String> into, String source,
                                      boolean checkAscii) throws FormatException {
        boolean allAscii = checkAscii;
        int end = start + block.length();
        if (start < 0 || end > bytes.length || end < start) {
            throw new FormatException(source, block.offset(), "block " + block.index() + " lies outside the data");
        }
        long fileBase = block.offset() - start;
        int p = start;
        for (int i = 0; i < block.entries(); i++) {
            if (p >= end) {
                throw truncated(source, fileBase + p, "key length of entry " + i, 1, 0);
            }
            int keyLength = bytes[p]; // a one-byte varint is the common case
            if (keyLength < 0) {
                long v = readVarint(bytes, p, end, fileBase, source);
                keyLength = (int) (v >>> 32);
                p = (int) v;
            } else {
                p++;
            }
            if (keyLength > end - p) {
                throw truncated(source, fileBase + p, "key", keyLength, end - p);
            }
            String key = new String(bytes, p, keyLength, StandardCharsets.UTF_8);
            allAscii = allAscii && isAscii(key, keyLength);
            p += keyLength;
            if (p >= end) {
                throw truncated(source, fileBase + p, "value length", 1, 0);
            }
            int valueLength = bytes[p];
            if (valueLength < 0) {
                long v = readVarint(bytes, p, end, fileBase, source);
                valueLength = (int) (v >>> 32);
                p = (int) v;
            } else {
                p++;
            }
            if (valueLength > end - p) {
                throw truncated(source, fileBase + p, "value", valueLength, end - p);
            }
            String value = new String(bytes, p, valueLength, StandardCharsets.UTF_8);
            allAscii = allAscii && isAscii(value, valueLength);
            p += valueLength;
            if (into.put(key, value) != null) {
                throw new FormatException(source, fileBase + p, "duplicate key in block " + block.index());
            }
        }
        if (p != end) {
            throw new FormatException(source, fileBase + p,
                    "block " + block.index() + " has " + (end - p) + " bytes after its " + block.entries() + " entries");
        }
        return allAscii;
    }

    /** Whether {@code s}, decoded from {@code utf8Bytes} bytes of UTF-8, is pure ASCII (see decodeBlock). */
    private static boolean isAscii(String s, int utf8Bytes) {
        return s.length() == utf8Bytes && s.indexOf(0xFFFD) < 0;
    }

    /** Returns (value << 32) | next position; checks bounds, width and range. */
    static long readVarint(byte[] bytes, int p, int end, long fileBase, String source) throws FormatException {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (p >= end) {
                throw truncated(source, fileBase + p, "length", 1, 0);
            }
            byte b = bytes[p++];
            value |= (b & 0x7f) << shift;
            if (b >= 0) {
                if (shift == 28 && (b & 0x78) != 0) {
                    break;
                }
                return ((long) value << 32) | p;
            }
        }
        throw new FormatException(source, fileBase + p, "length varint is longer than 5 bytes or exceeds 2^31-1");
    }

    static FormatException truncated(String source, long offset, String what, long needed, long left) {
        return new FormatException(source, offset, what + " needs " + needed + " bytes but the block has " + left + " left");
    }

    private static int checkFixedHeader(ByteBuffer b, long fileBytes, String source) throws FormatException {
        if (b.remaining() < FIXED_HEADER_BYTES) {
            throw new FormatException(source, 0, "file is " + fileBytes + " bytes, shorter than the " + FIXED_HEADER_BYTES + "-byte header");
        }
        byte[] magic = new byte[MAGIC.length];
        b.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new FormatException(source, 0, "not a dictbench binary file (bad magic)");
        }
        int version = b.getInt();
        if (version != VERSION) {
            throw new FormatException(source, 8, "unsupported version " + version + " (this build reads " + VERSION + ")");
        }
        b.getLong();
        int blockCount = b.getInt();
        if (fileBytes < Header.bytes(0)) { // found by fuzzing: the header's checksum lay beyond the end
            throw new FormatException(source, 0, "file is " + fileBytes + " bytes, shorter than the smallest header ("
                    + Header.bytes(0) + " bytes)");
        }
        long maxBlocks = (fileBytes - Header.bytes(0)) / INDEX_ENTRY_BYTES;
        if (blockCount < 0 || blockCount > maxBlocks) {
            throw new FormatException(source, 20, "block count " + blockCount + " does not fit a file of " + fileBytes + " bytes");
        }
        return blockCount;
    }

    static Header parseHeader(ByteBuffer b, long fileBytes, String source) throws FormatException {
        int blockCount = checkFixedHeader(b.duplicate(), fileBytes, source);
        long entries = b.getLong(12);
        if (entries < 0) {
            throw new FormatException(source, 12, "negative entry count " + entries);
        }
        int headerBytes = Header.bytes(blockCount);
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(0).limit(headerBytes - 4));
        if ((int) crc.getValue() != b.getInt(headerBytes - 4)) {
            throw new FormatException(source, headerBytes - 4, "header checksum mismatch");
        }
        List<Block> blocks = new ArrayList<>(blockCount);
        long expectedOffset = headerBytes;
        long entrySum = 0;
        for (int i = 0; i < blockCount; i++) {
            int at = FIXED_HEADER_BYTES + i * INDEX_ENTRY_BYTES;
            long offset = b.getLong(at);
            int length = b.getInt(at + 8);
            int count = b.getInt(at + 12);
            if (offset != expectedOffset || length < 0 || offset + length > fileBytes) {
                throw new FormatException(source, at, "block " + i + " (offset " + offset + ", length " + length
                        + ") is not where it must be (offset " + expectedOffset + ", file of " + fileBytes + " bytes)");
            }
            if (count < 0 || (long) count * MIN_ENTRY_BYTES > length) {
                throw new FormatException(source, at + 12, "block " + i + " claims " + count + " entries in " + length + " bytes");
            }
            blocks.add(new Block(i, offset, length, count));
            expectedOffset += length;
            entrySum += count;
        }
        if (expectedOffset != fileBytes) {
            throw new FormatException(source, expectedOffset, expectedOffset < fileBytes
                    ? (fileBytes - expectedOffset) + " bytes after the last block"
                    : "file is truncated: blocks need " + expectedOffset + " bytes");
        }
        if (entrySum != entries) {
            throw new FormatException(source, 12, "header says " + entries + " entries but the blocks hold " + entrySum);
        }
        return new Header(entries, blocks, fileBytes);
    }

    static void readFully(FileChannel channel, ByteBuffer into, long position, String source) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new FormatException(source, at, "unexpected end of file", new EOFException());
            }
            at += n;
        }
    }

    /** One block's bytes being built: strings go in as varint length + UTF-8. */
    private static final class BlockBuffer {
        private byte[] bytes;
        private int length;

        BlockBuffer(int blockBytes) {
            // room for a full block and the entry that fills it, in the common case
            bytes = new byte[blockBytes + 4096];
        }

        void putString(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            putLength(utf8.length);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        }

        /** A string known to be pure ASCII: its chars' low bytes are its UTF-8. */
        @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) copies each char's low 8 bits, exact for ASCII
        void putAscii(String s) {
            int n = s.length();
            putLength(n);
            s.getBytes(0, n, bytes, length);
            length += n;
        }

        /** The varint length of a string of {@code n} bytes, with room for the string after it. */
        private void putLength(int n) {
            if (bytes.length - length < n + 5) {
                bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + n + 5));
            }
            while ((n & ~0x7f) != 0) {
                bytes[length++] = (byte) ((n & 0x7f) | 0x80);
                n >>>= 7;
            }
            bytes[length++] = (byte) n;
        }

        byte[] bytes() {
            return bytes;
        }

        int length() {
            return length;
        }

        void clear() {
            length = 0;
        }
    }
}
