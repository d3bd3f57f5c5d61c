package dictbench.load.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.dataset.BinaryFormat;
import dictbench.dataset.Format;
import dictbench.dataset.FormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FramesTest {
    /** What the tests' children report as their peak resident memory. */
    static final long PEAK_RSS = 123_456_789L;

    /** Small blocks, so that a modest map streams as many. */
    private static final BinaryFormat SMALL_BLOCKS = new BinaryFormat(1000);
    private static final Map<String, String> MAP = map(500);

    private static Map<String, String> map(int entries) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < entries; i++) {
            map.put("key-" + i, "välue ✓ " + i);
        }
        return map;
    }

    /** As many bytes of blocks as given, and as many entries as the smallest entries could fill them. */
    private static Frames.Limits limits(long payloadBytes) {
        return new Frames.Limits(payloadBytes / BinaryFormat.MIN_ENTRY_BYTES, payloadBytes);
    }

    private static byte[] resultFrame(Map<String, String> map, long decodeNanos) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertTrue(Frames.writeResult(bytes, decodeNanos, new Format.Decoded(map, false), SMALL_BLOCKS, () -> PEAK_RSS));
        return bytes.toByteArray();
    }

    @Test
    void resultFrameRoundTripsBlockByBlock() throws IOException {
        byte[] frame = resultFrame(MAP, 11);
        InputStream in = new ByteArrayInputStream(frame);
        Frames.Result r = Frames.readResult(in, limits(frame.length));
        assertEquals(MAP, r.map());
        assertEquals(11, r.decodeNanos());
        assertTrue(r.encodeNanos() > 0, "the child's encode time is sent: " + r.encodeNanos());
        assertEquals(frame.length, r.frameBytes());
        // the payload is the blocks of the file the map encodes to, without the file's header
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        SMALL_BLOCKS.write(MAP, file);
        assertEquals(PEAK_RSS, r.childPeakRssBytes(), "the child's peak resident memory is sent");
        int blocks = (int) (r.frameBytes() - r.payloadBytes() - Frames.RESULT_HEADER_BYTES - Frames.END_BYTES) / Frames.BLOCK_HEADER_BYTES;
        assertTrue(blocks > 10, "many blocks: " + blocks);
        assertEquals(file.size() - BinaryFormat.Header.bytes(blocks), r.payloadBytes());
        Frames.expectEnd(in, r.frameBytes());
    }

    @Test
    void anEmptyMapIsAResultWithNoBlocks() throws IOException {
        byte[] frame = resultFrame(Map.of(), 0);
        assertEquals(Frames.RESULT_HEADER_BYTES + Frames.END_BYTES, frame.length);
        assertEquals(Map.of(), Frames.readResult(new ByteArrayInputStream(frame), limits(0)).map());
    }

    @Test
    void errorFrameBecomesAnIOExceptionWithTheChildsMessage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.writeError(bytes, "java.io.IOException: disk on fire");
        IOException e = assertThrows(IOException.class, () -> Frames.readResult(new ByteArrayInputStream(bytes.toByteArray()), limits(100)));
        assertEquals("it reported: java.io.IOException: disk on fire", e.getMessage());
    }

    @Test
    void encodingThatFailsPartWayEndsTheFrameWithTheFailure() throws IOException {
        // a map whose iteration fails part-way, after the result has begun, as an OutOfMemoryError would
        Map<String, String> failing = new LinkedHashMap<>(MAP) {
            @Override
            public Set<Map.Entry<String, String>> entrySet() {
                Iterator<Map.Entry<String, String>> all = super.entrySet().iterator();
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Map.Entry<String, String>> iterator() {
                        return new Iterator<>() {
                            int served;

                            @Override
                            public boolean hasNext() {
                                return all.hasNext();
                            }

                            @Override
                            public Map.Entry<String, String> next() {
                                if (++served == 300) {
                                    throw new OutOfMemoryError("Java heap space");
                                }
                                return all.next();
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return MAP.size();
                    }
                };
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertFalse(Frames.writeResult(bytes, 1, new Format.Decoded(failing, false), SMALL_BLOCKS, () -> PEAK_RSS));
        InputStream in = new ByteArrayInputStream(bytes.toByteArray());
        IOException e = assertThrows(IOException.class, () -> Frames.readResult(in, limits(1 << 20)));
        assertEquals("it reported: java.lang.OutOfMemoryError: Java heap space", e.getMessage());
        assertEquals(-1, in.read(), "the abort ends the frame");
    }

    @Test
    void aFilesLimitsAllowItsSmallestEntriesAndAGenerousReEncoding() {
        assertEquals(new Frames.Limits(500, 8000 + (1 << 20)), Frames.Limits.forFile(1000));
    }

    @Test
    void rejectsCountsOverTheLimitBeforeAllocating() throws IOException {
        byte[] frame = resultFrame(MAP, 1);
        // 500 entries cannot fit in 999 bytes
        FormatException entries = assertThrows(FormatException.class, () -> Frames.readResult(new ByteArrayInputStream(frame), limits(999)));
        assertEquals(Frames.ENTRIES_OFFSET, entries.offset());
        // the blocks hold more bytes than the limit: found at the block that crosses it
        FormatException bytes = assertThrows(FormatException.class, () -> Frames.readResult(new ByteArrayInputStream(frame), limits(5000)));
        assertTrue(bytes.getMessage().contains("beyond the payload limit of 5000 bytes"), bytes.getMessage());
        // a negative block length is garbage too
        byte[] negative = frame.clone();
        negative[Frames.RESULT_HEADER_BYTES] = (byte) 0x80;
        FormatException e = assertThrows(FormatException.class, () -> Frames.readResult(new ByteArrayInputStream(negative), limits(frame.length)));
        assertEquals(Frames.RESULT_HEADER_BYTES, e.offset());
    }

    @Test
    void blocksMustHoldExactlyTheDeclaredEntries() throws IOException {
        byte[] frame = resultFrame(MAP, 1);
        byte[] fewer = frame.clone();
        fewer[Frames.ENTRIES_OFFSET + 7] = (byte) (MAP.size() - 256 + 1); // 501 declared, 500 sent
        fewer[Frames.ENTRIES_OFFSET + 6] = 1;
        FormatException e = assertThrows(FormatException.class, () -> Frames.readResult(new ByteArrayInputStream(fewer), limits(frame.length)));
        assertTrue(e.getMessage().contains("declared 501 entries but its blocks held 500"), e.getMessage());
        byte[] more = frame.clone();
        more[Frames.ENTRIES_OFFSET + 7] = 10; // 10 declared; the first block holds more
        more[Frames.ENTRIES_OFFSET + 6] = 0;
        assertThrows(FormatException.class, () -> Frames.readResult(new ByteArrayInputStream(more), limits(frame.length)));
    }

    @Test
    void rejectsBadMagicNamingWhatWasThere() {
        byte[] text = "Hello from a stray println\n".getBytes(StandardCharsets.US_ASCII);
        FormatException e = assertThrows(FormatException.class, () -> Frames.readResult(new ByteArrayInputStream(text), limits(100)));
        assertTrue(e.getMessage().contains("0x48656c6c ('Hell')"), e.getMessage());
        assertThrows(FormatException.class, () -> Frames.readHello(new ByteArrayInputStream(text)));
    }

    @Test
    void blocksArriveWholeThroughShortReads() throws IOException {
        Map<String, String> big = map(20_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.writeResult(bytes, 5, new Format.Decoded(big, false), new BinaryFormat(), () -> PEAK_RSS); // blocks over the 64 KB write size
        byte[] frame = bytes.toByteArray();
        // a pipe hands out at most what it holds: here at most 1000 bytes a read
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(frame)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        Frames.Result r = Frames.readResult(trickle, limits(frame.length));
        assertEquals(big, r.map());
        Frames.expectEnd(trickle, r.frameBytes());
    }

    @Test
    void truncatedFrameSaysHowFarItGot() throws IOException {
        byte[] frame = resultFrame(MAP, 1);
        byte[] cut = Arrays.copyOf(frame, Frames.RESULT_HEADER_BYTES + Frames.BLOCK_HEADER_BYTES + 40);
        EOFException e = assertThrows(EOFException.class, () -> Frames.readResult(new ByteArrayInputStream(cut), limits(frame.length)));
        assertTrue(e.getMessage().matches("its output ended after 40 of the \\d+ bytes of its block 0"), e.getMessage());
        EOFException header = assertThrows(EOFException.class, () -> Frames.readResult(new ByteArrayInputStream(frame, 0, 5), limits(100)));
        assertEquals("its output ended after 1 of the 16 bytes of its result header", header.getMessage());
        byte[] noEnd = Arrays.copyOf(frame, frame.length - Frames.END_BYTES);
        EOFException end = assertThrows(EOFException.class, () -> Frames.readResult(new ByteArrayInputStream(noEnd), limits(frame.length)));
        assertEquals("its output ended after 0 of the 4 bytes of its block length", end.getMessage());
        byte[] noPeak = Arrays.copyOf(frame, frame.length - 8);
        EOFException peak = assertThrows(EOFException.class, () -> Frames.readResult(new ByteArrayInputStream(noPeak), limits(frame.length)));
        assertEquals("its output ended after 8 of the 16 bytes of its end", peak.getMessage(), "an end without the child's peak");
    }

    @Test
    void extraBytesAfterTheFrameAreReported() throws IOException {
        byte[] frame = resultFrame(MAP, 1);
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        InputStream in = new ByteArrayInputStream(longer);
        Frames.Result r = Frames.readResult(in, limits(frame.length));
        FormatException e = assertThrows(FormatException.class, () -> Frames.expectEnd(in, r.frameBytes()));
        assertEquals(frame.length, e.offset());
    }

    @Test
    void requestsRoundTripAndEndAtEof() throws IOException {
        // a non-ASCII name where this JVM's file names can hold one (not under the POSIX locale)
        boolean unicodeNames = Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8")).newEncoder().canEncode("ä");
        Path unusual = Path.of(unicodeNames ? "/data/ä b/part-001.ser" : "/data/a b/part-001.ser");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Frames.writeRequest(bytes, "java-serial", unusual);
        Frames.writeRequest(bytes, "binary", Path.of("x.dict"));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(new Frames.Request("java-serial", unusual), Frames.readRequest(in));
        assertEquals(new Frames.Request("binary", Path.of("x.dict")), Frames.readRequest(in));
        assertNull(Frames.readRequest(in));
        DataInputStream garbage = new DataInputStream(new ByteArrayInputStream("GET / HTTP/1.1".getBytes(StandardCharsets.US_ASCII)));
        assertInstanceOf(FormatException.class, assertThrows(IOException.class, () -> Frames.readRequest(garbage)));
    }
}
