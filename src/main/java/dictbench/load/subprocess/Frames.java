package dictbench.load.subprocess;

import dictbench.dataset.BinaryFormat;
import dictbench.dataset.Format;
import dictbench.dataset.FormatException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The byte protocol between a parent ({@link Connection}) and its worker JVMs ({@link Worker}), kept in one
 * class so parent and child cannot drift apart. All integers are big-endian.
 *
 * <pre>
 * hello    magic "DBH1"                                           child → parent, first thing the child does
 * request  magic "DBRQ" | format | path                           parent → pool worker (DataOutput.writeUTF strings)
 * result   magic "DBR2" | childDecodeNanos int64 | entries int64   child → parent, once its file is decoded; then
 *   block  length int32 &gt; 0 | entries int32 | length bytes       a binary-format block, sent as soon as it is encoded
 *   end    int32 0 | childEncodeNanos int64 | childPeakRssBytes int64   after the last block (peak -1: not measured)
 *   abort  int32 -1 | length int32 | UTF-8 message                 in place of a block: the child failed part-way
 * error    magic "DBE1" | length int32 | UTF-8 message             instead of a result: the child could not load its file
 * </pre>
 *
 * The child encodes its map a block at a time and the parent decodes each block as it arrives, so
 * encoding, the pipe and the parent's decode overlap instead of adding up; neither side holds the
 * encoded file whole. Every length and count is checked against a limit before anything is
 * allocated for it, so a garbage frame raises {@link FormatException} instead of making the parent
 * allocate gigabytes.
 */
public final class Frames {
    static final int HELLO = magic("DBH1");
    static final int REQUEST = magic("DBRQ");
    static final int RESULT = magic("DBR2");
    static final int ERROR = magic("DBE1");
    /** A result's opening: magic, child decode nanos, entries. */
    static final int RESULT_HEADER_BYTES = 4 + 8 + 8;
    /** Where the entry count sits in a result's opening, for error offsets. */
    static final int ENTRIES_OFFSET = 4 + 8;
    static final int BLOCK_HEADER_BYTES = 4 + 4;
    static final int END_MARK = 0;
    /** The end mark with the child's encode time and peak resident memory. */
    static final int END_BYTES = 4 + 8 + 8;
    static final int ABORT_MARK = -1;
    /** An error message longer than this is garbage, not a message. */
    static final int MAX_ERROR_BYTES = 64 * 1024;
    /**
     * Blocks go down the pipe in writes of at most this size, a Linux pipe's default capacity.
     * Larger ones are slower, not faster: the JDK allocates a native buffer of each call's length
     * and copies through it. Measured on this project's VM, 70 MB from a child JVM to its parent
     * took about 65 ms in one write against 20-30 ms in 64 KB pieces.
     */
    static final int PIPE_CHUNK_BYTES = 64 * 1024;

    private Frames() {
    }

    /**
     * What the parent accepts from a child before allocating for it: at most {@code entries} entries
     * (the parent pre-sizes its map for them) in at most {@code payloadBytes} of blocks.
     */
    public record Limits(long entries, long payloadBytes) {
        /**
         * For a file of {@code fileBytes}: no format stores an entry in fewer than
         * {@value BinaryFormat#MIN_ENTRY_BYTES} bytes, and the binary re-encoding is about the
         * file's size, so 8 times that plus 1 MB is generous while a garbage length or count cannot
         * make the parent allocate gigabytes.
         */
        public static Limits forFile(long fileBytes) {
            return new Limits(fileBytes / BinaryFormat.MIN_ENTRY_BYTES, 8 * fileBytes + (1 << 20));
        }
    }

    /** A result's opening, read before its blocks: the child's decode time and how many entries follow. */
    public record ResultHeader(long decodeNanos, long entries) {
    }

    /**
     * A result as the parent decoded it. {@code transferNanos} is the parent's time reading the blocks
     * off the pipe, from the end of the opening to the end mark, not counting its own decoding (so it
     * includes any wait for the child's encoder); {@code parentDecodeNanos} its time decoding them.
     */
    public record Result(long decodeNanos, long encodeNanos, long childPeakRssBytes, Map<String, String> map, long payloadBytes, long frameBytes,
                  long transferNanos, long parentDecodeNanos) {
    }

    /** What a pool worker is asked to load. */
    record Request(String format, Path path) {
    }

    static void writeHello(OutputStream out) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(HELLO).array());
        out.flush();
    }

    static void readHello(InputStream in) throws IOException {
        int magic = ByteBuffer.wrap(readFully(in, 4, "hello")).getInt();
        if (magic != HELLO) {
            throw new FormatException("hello", 0, "found " + describe(magic) + " where " + describe(HELLO)
                    + " belongs (not a dictbench worker, or stray output on its stdout?)");
        }
    }

    /**
     * Writes {@code decoded}'s map as a result frame, encoding it with {@code format} a block at a
     * time (copying the strings where {@code decoded} says all are ASCII) and sending each block as
     * soon as it is encoded; flushes at the end. Returns false when encoding failed part-way (an
     * OutOfMemoryError, say): the frame then ends with an abort carrying the failure, so the parent
     * reports it and the pipe stays in step. A broken pipe is an IOException. {@code peakRssBytes} is asked
     * once the last block is written: the child's peak resident memory over the file (-1: not measured).
     */
    static boolean writeResult(OutputStream out, long decodeNanos, Format.Decoded decoded, BinaryFormat format,
                               LongSupplier peakRssBytes) throws IOException {
        Map<String, String> map = decoded.map();
        out.write(ByteBuffer.allocate(RESULT_HEADER_BYTES).putInt(RESULT).putLong(decodeNanos).putLong(map.size()).array());
        long[] writingNanos = {0};
        ByteBuffer blockHeader = ByteBuffer.allocate(BLOCK_HEADER_BYTES);
        long t0 = System.nanoTime();
        try {
            format.encodeBlocks(map, decoded.allAscii(), (bytes, length, entries) -> {
                long w = System.nanoTime();
                out.write(blockHeader.clear().putInt(length).putInt(entries).array());
                for (int at = 0; at < length; at += PIPE_CHUNK_BYTES) {
                    out.write(bytes, at, Math.min(PIPE_CHUNK_BYTES, length - at));
                }
                writingNanos[0] += System.nanoTime() - w;
            });
        } catch (RuntimeException | Error e) {
            out.write(ByteBuffer.allocate(4).putInt(ABORT_MARK).array());
            writeMessage(out, e.toString());
            return false;
        }
        long encodeNanos = System.nanoTime() - t0 - writingNanos[0];
        out.write(ByteBuffer.allocate(END_BYTES).putInt(END_MARK).putLong(encodeNanos).putLong(peakRssBytes.getAsLong()).array());
        out.flush();
        return true;
    }

    /** Writes an error frame and flushes it; an over-long message is cut to fit. */
    static void writeError(OutputStream out, String message) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(ERROR).array());
        writeMessage(out, message);
    }

    private static void writeMessage(OutputStream out, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, MAX_ERROR_BYTES);
        out.write(ByteBuffer.allocate(4).putInt(length).array());
        out.write(bytes, 0, length);
        out.flush();
    }

    /** Reads a whole result: its opening, then its blocks; see {@link #readResultHeader} and {@link #readBlocks}. */
    static Result readResult(InputStream in, Limits limits) throws IOException {
        return readBlocks(in, readResultHeader(in, limits), limits);
    }

    /**
     * Reads a result's opening. An error frame becomes an IOException carrying the child's own
     * message; an entry count over the limit is rejected.
     */
    static ResultHeader readResultHeader(InputStream in, Limits limits) throws IOException {
        int magic = ByteBuffer.wrap(readFully(in, 4, "frame")).getInt();
        if (magic == ERROR) {
            throw reported(in, 4);
        }
        if (magic != RESULT) {
            throw new FormatException("frame", 0, "found " + describe(magic) + " where " + describe(RESULT) + " or " + describe(ERROR)
                    + " belongs (stray output on the worker's stdout?)");
        }
        ByteBuffer b = ByteBuffer.wrap(readFully(in, RESULT_HEADER_BYTES - 4, "result header"));
        long decodeNanos = b.getLong();
        long entries = b.getLong();
        if (decodeNanos < 0) {
            throw new FormatException("frame", 4, "declares a negative child decode time " + decodeNanos);
        }
        if (entries < 0 || entries > limits.entries()) {
            throw new FormatException("frame", ENTRIES_OFFSET, "declares " + entries + " entries, over the limit of " + limits.entries());
        }
        return new ResultHeader(decodeNanos, entries);
    }

    /**
     * Reads a result's blocks, decoding each into the map as it arrives, up to the end mark. The
     * blocks may hold at most the limit's payload bytes in all and exactly the entries the opening
     * declared; an abort becomes an IOException carrying the child's message. Offsets in errors
     * count from the start of the frame.
     */
    static Result readBlocks(InputStream in, ResultHeader header, Limits limits) throws IOException {
        Map<String, String> map = new HashMap<>(Format.hashMapCapacity(header.entries()));
        byte[] buffer = new byte[0];
        long offset = RESULT_HEADER_BYTES;
        long payloadBytes = 0;
        long transferNanos = 0;
        long decodeNanos = 0;
        for (int index = 0; ; index++) {
            long t0 = System.nanoTime();
            int length = ByteBuffer.wrap(readFully(in, 4, "block length")).getInt();
            if (length == END_MARK) {
                ByteBuffer end = ByteBuffer.wrap(readFully(in, END_BYTES - 4, "end"));
                long encodeNanos = end.getLong();
                long peakRss = end.getLong();
                transferNanos += System.nanoTime() - t0;
                if (encodeNanos < 0) {
                    throw new FormatException("frame", offset + 4, "declares a negative child encode time " + encodeNanos);
                }
                if (map.size() != header.entries()) {
                    throw new FormatException("frame", offset, "declared " + header.entries() + " entries but its blocks held " + map.size());
                }
                if (peakRss < -1) {
                    throw new FormatException("frame", offset + 12, "declares a child peak resident memory of " + peakRss + " bytes");
                }
                return new Result(header.decodeNanos(), encodeNanos, peakRss, map, payloadBytes, offset + END_BYTES, transferNanos, decodeNanos);
            }
            if (length == ABORT_MARK) {
                throw reported(in, offset + 4);
            }
            if (length < 0 || length > limits.payloadBytes() - payloadBytes) {
                throw new FormatException("frame", offset, "declares a block of " + length + " bytes, beyond the payload limit of "
                        + limits.payloadBytes() + " bytes (" + payloadBytes + " received)");
            }
            int entries = ByteBuffer.wrap(readFully(in, 4, "block entries")).getInt();
            if (entries < 0 || (long) entries * BinaryFormat.MIN_ENTRY_BYTES > length || map.size() + (long) entries > header.entries()) {
                throw new FormatException("frame", offset + 4, "block " + index + " claims " + entries + " entries in " + length
                        + " bytes, with " + map.size() + " of the " + header.entries() + " declared received");
            }
            if (buffer.length < length) {
                buffer = new byte[length];
            }
            readFully(in, buffer, length, "block " + index);
            long t1 = System.nanoTime();
            transferNanos += t1 - t0;
            offset += BLOCK_HEADER_BYTES;
            BinaryFormat.decodeBlock(buffer, 0, new BinaryFormat.Block(index, offset, length, entries), map, "frame");
            decodeNanos += System.nanoTime() - t1;
            offset += length;
            payloadBytes += length;
        }
    }

    /** The child's message after an error magic or abort mark, as the IOException the parent throws. */
    private static IOException reported(InputStream in, long offset) throws IOException {
        int length = ByteBuffer.wrap(readFully(in, 4, "error length")).getInt();
        if (length < 0 || length > MAX_ERROR_BYTES) {
            throw new FormatException("frame", offset, "declares an error message of " + length + " bytes, over the limit of " + MAX_ERROR_BYTES);
        }
        return new IOException("it reported: " + new String(readFully(in, length, "error message"), StandardCharsets.UTF_8));
    }

    /** Checks that a spawned child wrote nothing after its frame of {@code frameBytes} (blocks until it closes stdout). */
    static void expectEnd(InputStream in, long frameBytes) throws IOException {
        int extra = in.read();
        if (extra >= 0) {
            throw new FormatException("frame", frameBytes,
                    String.format("more output follows the frame it declared (first extra byte 0x%02x)", extra));
        }
    }

    static void writeRequest(OutputStream out, String format, Path path) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream data = new DataOutputStream(bytes);
        data.writeInt(REQUEST);
        data.writeUTF(format);
        data.writeUTF(path.toString());
        bytes.writeTo(out);
        out.flush();
    }

    /** The next request, or null when the parent closed the pipe between requests. */
    static Request readRequest(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int magic = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedShort());
        if (magic != REQUEST) {
            throw new FormatException("request", 0, "found " + describe(magic) + " where " + describe(REQUEST) + " belongs");
        }
        // a worker must answer a bad request with a FormatException, not die of another exception: fuzzing found a
        // path with a NUL in it; malformed UTF-8 is the same kind of input
        String format;
        String path;
        try {
            format = in.readUTF();
            path = in.readUTF();
        } catch (java.io.UTFDataFormatException e) {
            throw new FormatException("request", 4, "holds malformed modified UTF-8 (" + e.getMessage() + ")");
        }
        try {
            return new Request(format, Path.of(path));
        } catch (java.nio.file.InvalidPathException e) {
            throw new FormatException("request", 4, "names an invalid path (" + e.getMessage() + ")");
        }
    }

    private static byte[] readFully(InputStream in, int length, String what) throws IOException {
        byte[] bytes = new byte[length];
        readFully(in, bytes, length, what);
        return bytes;
    }

    private static void readFully(InputStream in, byte[] into, int length, String what) throws IOException {
        int got = in.readNBytes(into, 0, length);
        if (got < length) {
            throw new EOFException("its output ended after " + got + " of the " + length + " bytes of its " + what);
        }
    }

    private static int magic(String fourAscii) {
        return ByteBuffer.wrap(fourAscii.getBytes(StandardCharsets.US_ASCII)).getInt();
    }

    /** A magic number as hex and, where printable, as the text a stray print would have put there. */
    static String describe(int magic) {
        StringBuilder text = new StringBuilder();
        for (int shift = 24; shift >= 0; shift -= 8) {
            int c = (magic >>> shift) & 0xff;
            text.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return String.format("0x%08x ('%s')", magic, text);
    }
}
