package dictbench.load;

import dictbench.dataset.BinaryFormat;
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

/**
 * The byte protocol between {@link SubprocessStrategy} and its worker JVMs, kept in one class so
 * parent and child cannot drift apart. All integers are big-endian.
 *
 * <pre>
 * hello    magic "DBH1" int32                                 child → parent, first thing the child does
 * request  magic "DBRQ" int32 | format | path                 parent → pool worker (DataOutput.writeUTF strings)
 * frame    magic int32 | childDecodeNanos int64 | childEncodeNanos int64 | payloadLength int32 | payload
 *          magic "DBR1": a result, the payload is the map in the binary format
 *          magic "DBE1": an error, the payload is the child's UTF-8 message, both nanos 0
 * </pre>
 *
 * A length is checked against a limit before anything is allocated for it, so a garbage frame
 * raises {@link FormatException} instead of making the parent allocate gigabytes.
 */
final class SubprocessFrames {
    static final int HELLO = magic("DBH1");
    static final int REQUEST = magic("DBRQ");
    static final int RESULT = magic("DBR1");
    static final int ERROR = magic("DBE1");
    static final int HEADER_BYTES = 4 + 8 + 8 + 4;
    /** Where the payload length sits in a frame header, for error offsets. */
    static final int LENGTH_OFFSET = 4 + 8 + 8;
    /** The largest {@code byte[]} a JVM reliably allocates. */
    static final int MAX_PAYLOAD_BYTES = Integer.MAX_VALUE - 8;
    /** An error message longer than this is garbage, not a message. */
    static final int MAX_ERROR_BYTES = 64 * 1024;
    /**
     * Payloads cross the pipe in reads and writes of this size, a Linux pipe's default capacity.
     * Larger ones are slower, not faster: the JDK allocates a native buffer of each call's length
     * (for a read, of what is still wanted, though a pipe returns at most its capacity) and copies
     * through it. Measured on this project's VM, 70 MB from a child JVM to its parent took about
     * 65 ms in one write and whole-remainder reads against 20-30 ms in 64 KB pieces.
     */
    static final int PIPE_CHUNK_BYTES = 64 * 1024;

    private SubprocessFrames() {
    }

    /** A frame header; a result's payload is the encoded map, an error's the child's message. */
    record Header(int magic, long decodeNanos, long encodeNanos, int length) {
        Header {
            if (magic != RESULT && magic != ERROR) {
                throw new IllegalArgumentException("magic must be RESULT or ERROR, got " + describe(magic));
            }
            if (decodeNanos < 0 || encodeNanos < 0 || length < 0) {
                throw new IllegalArgumentException("nanos and length must be >= 0, got " + decodeNanos + ", " + encodeNanos + ", " + length);
            }
        }

        boolean isError() {
            return magic == ERROR;
        }
    }

    /**
     * A result frame as the parent received it. {@code transferNanos} runs from the arrival of the
     * first payload byte to the last: the pipe's share, without the child's work before it.
     */
    record Result(Header header, byte[] payload, long transferNanos) {
        Result {
            if (transferNanos < 0) {
                throw new IllegalArgumentException("transferNanos must be >= 0, got " + transferNanos);
            }
        }
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

    static void writeHeader(OutputStream out, Header header) throws IOException {
        out.write(ByteBuffer.allocate(HEADER_BYTES)
                .putInt(header.magic()).putLong(header.decodeNanos()).putLong(header.encodeNanos()).putInt(header.length())
                .array());
    }

    /**
     * Writes a result frame and flushes it. The payload goes out in {@value #PIPE_CHUNK_BYTES}-byte
     * writes: the JDK copies every write through a native buffer of the write's size, so one write of
     * a whole payload costs a malloc and a copy of all of it on top of the pipe's own copy.
     */
    static void writeResult(OutputStream out, long decodeNanos, long encodeNanos, BinaryFormat.EncodedFile payload)
            throws IOException {
        if (payload.length() > MAX_PAYLOAD_BYTES) {
            throw new IOException("the encoded map is " + payload.length() + " bytes, over the frame limit of " + MAX_PAYLOAD_BYTES);
        }
        writeHeader(out, new Header(RESULT, decodeNanos, encodeNanos, (int) payload.length()));
        payload.writeTo(out, PIPE_CHUNK_BYTES);
        out.flush();
    }

    /** Writes an error frame and flushes it; an over-long message is cut to fit. */
    static void writeError(OutputStream out, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(bytes.length, MAX_ERROR_BYTES);
        writeHeader(out, new Header(ERROR, 0, 0, length));
        out.write(bytes, 0, length);
        out.flush();
    }

    /**
     * Reads one frame. An error frame becomes an IOException carrying the child's own message; a
     * result whose declared length exceeds {@code maxPayloadBytes} is rejected before allocating.
     */
    static Result readResult(InputStream in, int maxPayloadBytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(readFully(in, HEADER_BYTES, "frame header"));
        int magic = b.getInt();
        if (magic != RESULT && magic != ERROR) {
            throw new FormatException("frame", 0, "found " + describe(magic) + " where " + describe(RESULT) + " or " + describe(ERROR)
                    + " belongs (stray output on the worker's stdout?)");
        }
        long decodeNanos = b.getLong();
        long encodeNanos = b.getLong();
        int length = b.getInt();
        int limit = magic == ERROR ? MAX_ERROR_BYTES : maxPayloadBytes;
        if (length < 0 || length > limit) {
            throw new FormatException("frame", LENGTH_OFFSET, "declares a payload of " + length + " bytes, over the limit of " + limit);
        }
        if (decodeNanos < 0 || encodeNanos < 0) {
            throw new FormatException("frame", 4, "declares negative child times " + decodeNanos + ", " + encodeNanos);
        }
        Header header = new Header(magic, decodeNanos, encodeNanos, length);
        if (header.isError()) {
            throw new IOException("it reported: " + new String(readFully(in, length, "error message"), StandardCharsets.UTF_8));
        }
        byte[] payload = new byte[length];
        if (length == 0) {
            return new Result(header, payload, 0);
        }
        readFully(in, payload, 0, 1, "payload");
        long first = System.nanoTime();
        for (int at = 1; at < length; at += PIPE_CHUNK_BYTES) {
            readFully(in, payload, at, Math.min(PIPE_CHUNK_BYTES, length - at), "payload");
        }
        return new Result(header, payload, System.nanoTime() - first);
    }

    /** Checks that a spawned child wrote nothing after its frame (blocks until it closes stdout). */
    static void expectEnd(InputStream in, int payloadBytes) throws IOException {
        int extra = in.read();
        if (extra >= 0) {
            throw new FormatException("frame", HEADER_BYTES + (long) payloadBytes,
                    String.format("more output follows the payload it declared (first extra byte 0x%02x)", extra));
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
        readFully(in, bytes, 0, length, what);
        return bytes;
    }

    private static void readFully(InputStream in, byte[] into, int offset, int length, String what) throws IOException {
        int got = in.readNBytes(into, offset, length);
        if (got < length) {
            throw new EOFException("its output ended after " + (offset + got) + " of the " + into.length + " bytes of its " + what);
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
