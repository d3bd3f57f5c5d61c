package dictbench.load.subprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dictbench.dataset.FormatException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * The frames a parent reads from a child's stdout, and the requests a pool worker reads from its
 * stdin, against arbitrary bytes. A frame either parses (and then exactly the frame was read, and its
 * blocks held the entries it declared) or fails with a {@link FormatException} with an offset inside
 * the input, an {@link EOFException} for output that stopped short, or the child's own error
 * message; nothing else, and never an allocation bigger than the limit. The corpus lives under
 * {@code src/test/resources/dictbench/load/FramesFuzzTestInputs/}.
 */
class FramesFuzzTest {

    /** The payload limit the parent passes; small so that a declared length over it is common. */
    static final int LIMIT = 1 << 16;

    @FuzzTest(maxDuration = "60s")
    void result(byte[] input) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        try {
            Frames.Result result = Frames.readResult(in, new Frames.Limits(LIMIT / 2, LIMIT));
            assertTrue(result.payloadBytes() <= LIMIT);
            assertEquals(input.length - result.frameBytes(), in.available());
            Frames.expectEnd(in, result.frameBytes());
            assertEquals(result.frameBytes(), input.length, "expectEnd let extra bytes through");
        } catch (FormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= input.length, e.getMessage());
        } catch (EOFException e) {
            assertTrue(e.getMessage().startsWith("its output ended after "), e.getMessage());
        } catch (IOException e) {
            if (!e.getMessage().startsWith("it reported: ")) {
                fail("unexpected " + e, e);
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void request(byte[] input) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(input));
        try {
            while (Frames.readRequest(in) != null) {
                // a worker serves requests until its stdin closes
            }
        } catch (FormatException e) {
            assertTrue(e.offset() >= 0 && e.offset() <= input.length, e.getMessage());
        } catch (EOFException e) {
            // a request cut short: the worker stops, as when its parent dies mid-write
        }
    }
}
