package dictbench.load;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.dataset.BinaryFormat;
import dictbench.dataset.FormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubprocessFramesTest {

    private static byte[] resultFrame(byte[] payload, long decodeNanos, long encodeNanos) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SubprocessFrames.writeResult(bytes, decodeNanos, encodeNanos, new BinaryFormat.EncodedFile(payload, List.of(), 0));
        return bytes.toByteArray();
    }

    @Test
    void resultFrameRoundTrips() throws IOException {
        byte[] payload = "some payload".getBytes(StandardCharsets.US_ASCII);
        byte[] frame = resultFrame(payload, 11, 22);
        assertEquals(SubprocessFrames.HEADER_BYTES + payload.length, frame.length);
        InputStream in = new ByteArrayInputStream(frame);
        SubprocessFrames.Result r = SubprocessFrames.readResult(in, payload.length);
        assertArrayEquals(payload, r.payload());
        assertEquals(11, r.header().decodeNanos());
        assertEquals(22, r.header().encodeNanos());
        SubprocessFrames.expectEnd(in, payload.length);
    }

    @Test
    void errorFrameBecomesAnIOExceptionWithTheChildsMessage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SubprocessFrames.writeError(bytes, "java.io.IOException: disk on fire");
        IOException e = assertThrows(IOException.class, () -> SubprocessFrames.readResult(new ByteArrayInputStream(bytes.toByteArray()), 100));
        assertEquals("it reported: java.io.IOException: disk on fire", e.getMessage());
    }

    @Test
    void rejectsADeclaredLengthOverTheLimitBeforeReadingIt() throws IOException {
        byte[] frame = resultFrame(new byte[1000], 1, 1);
        FormatException e = assertThrows(FormatException.class, () -> SubprocessFrames.readResult(new ByteArrayInputStream(frame), 999));
        assertEquals(SubprocessFrames.LENGTH_OFFSET, e.offset());
        assertTrue(e.getMessage().contains("payload of 1000 bytes, over the limit of 999"), e.getMessage());
        // a negative length is garbage too
        frame[SubprocessFrames.LENGTH_OFFSET] = (byte) 0x80;
        assertThrows(FormatException.class, () -> SubprocessFrames.readResult(new ByteArrayInputStream(frame), Integer.MAX_VALUE));
    }

    @Test
    void rejectsBadMagicNamingWhatWasThere() {
        byte[] text = "Hello from a stray println\n".getBytes(StandardCharsets.US_ASCII);
        FormatException e = assertThrows(FormatException.class, () -> SubprocessFrames.readResult(new ByteArrayInputStream(text), 100));
        assertTrue(e.getMessage().contains("0x48656c6c ('Hell')"), e.getMessage());
        assertThrows(FormatException.class, () -> SubprocessFrames.readHello(new ByteArrayInputStream(text)));
    }

    @Test
    void payloadOfSeveralPipeChunksArrivesWholeThroughShortReads() throws IOException {
        byte[] payload = new byte[2 * SubprocessFrames.PIPE_CHUNK_BYTES + 3];
        new java.util.Random(7).nextBytes(payload);
        byte[] frame = resultFrame(payload, 5, 6);
        // a pipe hands out at most what it holds: here at most 1000 bytes a read
        InputStream trickle = new java.io.FilterInputStream(new ByteArrayInputStream(frame)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        SubprocessFrames.Result r = SubprocessFrames.readResult(trickle, payload.length);
        assertArrayEquals(payload, r.payload());
        SubprocessFrames.expectEnd(trickle, payload.length);
    }

    @Test
    void truncatedFrameSaysHowFarItGot() throws IOException {
        byte[] frame = resultFrame(new byte[100], 1, 1);
        byte[] cut = Arrays.copyOf(frame, SubprocessFrames.HEADER_BYTES + 40);
        EOFException e = assertThrows(EOFException.class, () -> SubprocessFrames.readResult(new ByteArrayInputStream(cut), 100));
        assertEquals("its output ended after 40 of the 100 bytes of its payload", e.getMessage());
        EOFException header = assertThrows(EOFException.class, () -> SubprocessFrames.readResult(new ByteArrayInputStream(frame, 0, 5), 100));
        assertEquals("its output ended after 5 of the 24 bytes of its frame header", header.getMessage());
    }

    @Test
    void extraBytesAfterTheFrameAreReported() throws IOException {
        byte[] frame = resultFrame(new byte[10], 1, 1);
        byte[] longer = Arrays.copyOf(frame, frame.length + 1);
        InputStream in = new ByteArrayInputStream(longer);
        SubprocessFrames.readResult(in, 10);
        FormatException e = assertThrows(FormatException.class, () -> SubprocessFrames.expectEnd(in, 10));
        assertEquals(SubprocessFrames.HEADER_BYTES + 10, e.offset());
    }

    @Test
    void requestsRoundTripAndEndAtEof() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SubprocessFrames.writeRequest(bytes, "java-serial", Path.of("/data/ä b/part-001.ser"));
        SubprocessFrames.writeRequest(bytes, "binary", Path.of("x.dict"));
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(new SubprocessFrames.Request("java-serial", Path.of("/data/ä b/part-001.ser")), SubprocessFrames.readRequest(in));
        assertEquals(new SubprocessFrames.Request("binary", Path.of("x.dict")), SubprocessFrames.readRequest(in));
        assertNull(SubprocessFrames.readRequest(in));
        DataInputStream garbage = new DataInputStream(new ByteArrayInputStream("GET / HTTP/1.1".getBytes(StandardCharsets.US_ASCII)));
        assertInstanceOf(FormatException.class, assertThrows(IOException.class, () -> SubprocessFrames.readRequest(garbage)));
    }
}
