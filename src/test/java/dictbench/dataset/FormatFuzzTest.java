package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Every format's decoder against arbitrary bytes: each input either decodes (and then survives a
 * write-and-decode round trip unchanged) or raises {@link FormatException} naming the file and an
 * offset inside it. Any other exception or error (an {@code OutOfMemoryError} from a length field,
 * a {@code NegativeArraySizeException}, a hang past Jazzer's timeout) is a finding.
 *
 * <p>{@code mvn test} replays the corpus under {@code src/test/resources/dictbench/dataset/FormatFuzzTestInputs/}
 * (seeds plus every finding, kept as regression tests); {@code scripts/fuzz} fuzzes for real.
 */
class FormatFuzzTest {

    static final String SOURCE = "fuzzed.dict";

    @FuzzTest(maxDuration = "60s")
    void binary(byte[] input) throws IOException {
        decodesOrFails(Format.named("binary"), input);
    }

    @FuzzTest(maxDuration = "60s")
    void javaSerial(byte[] input) throws IOException {
        decodesOrFails(Format.named("java-serial"), input);
    }

    @FuzzTest(maxDuration = "60s")
    void pickle(byte[] input) throws IOException {
        decodesOrFails(Format.named("pickle"), input);
    }

    @FuzzTest(maxDuration = "60s")
    void binaryFile(byte[] input) throws IOException {
        readsAsItDecodes(Format.named("binary"), input);
    }

    @FuzzTest(maxDuration = "60s")
    void compact(byte[] input) throws IOException {
        decodesOrFails(Format.named("compact"), input);
        agreesWithBinary(input);
    }

    @FuzzTest(maxDuration = "60s")
    void compactFile(byte[] input) throws IOException {
        readsAsItDecodes(Format.named("compact"), input);
    }

    /**
     * Where the binary reader decodes an input, the compact map holds the same entries and finds each by its key, or
     * refuses a key that is not well-formed UTF-8; where the binary reader refuses it, so does the compact map.
     */
    static void agreesWithBinary(byte[] input) throws IOException {
        Map<String, String> binary;
        try {
            binary = Format.named("binary").decode(input, SOURCE);
        } catch (FormatException e) {
            assertThrows(FormatException.class, () -> Format.named("compact").decode(input, SOURCE));
            return;
        }
        Map<String, String> compact;
        try {
            compact = Format.named("compact").decode(input, SOURCE);
        } catch (FormatException e) {
            assertTrue(e.getMessage().contains("not well-formed UTF-8"), e.getMessage());
            return;
        }
        assertEquals(binary, compact);
        binary.forEach((k, v) -> assertEquals(v, compact.get(k), k));
    }

    /** Loading a file (block by block, for the binary format) must agree with decoding its bytes. */
    static void readsAsItDecodes(Format format, byte[] input) throws IOException {
        Path file = Files.createTempFile("dictbench-fuzz-", "." + format.extension());
        try {
            Files.write(file, input);
            Map<String, String> decoded = null;
            FormatException decodeFailure = null;
            try {
                decoded = format.decode(input, file.toString());
            } catch (FormatException e) {
                decodeFailure = e;
            }
            try {
                assertEquals(decoded, format.read(file));
                assertNull(decodeFailure, "reading the file succeeded where decoding its bytes failed");
            } catch (FormatException e) {
                assertNotNull(decodeFailure, "reading the file failed where decoding its bytes succeeded: " + e.getMessage());
                assertEquals(decodeFailure.offset(), e.offset(), e.getMessage());
            }
        } finally {
            Files.delete(file);
        }
    }

    static void decodesOrFails(Format format, byte[] input) throws IOException {
        Map<String, String> map;
        try {
            map = format.decode(input, SOURCE);
        } catch (FormatException e) {
            assertEquals(SOURCE, e.source(), e.getMessage());
            assertTrue(e.offset() >= 0 && e.offset() <= input.length,
                    "offset " + e.offset() + " outside a " + input.length + "-byte input: " + e.getMessage());
            assertTrue(e.getMessage().startsWith(SOURCE + ": ") && e.getMessage().endsWith("at byte offset " + e.offset()), e.getMessage());
            return;
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        format.write(map, again);
        assertEquals(map, format.decode(again.toByteArray(), SOURCE), "a decoded map must survive a round trip");
    }
}
