package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format: round trips and rejection of damaged files. */
class FormatTest {

    static Stream<Format> formats() {
        return Stream.of(new BinaryFormat(), new BinaryFormat(64), new JavaSerialFormat(), new CompactFormat(), new PickleFormat());
    }

    static byte[] encode(Format format, Map<String, String> map) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(map, out);
        return out.toByteArray();
    }

    /** Random strings over ASCII, Latin-1, other BMP characters and surrogate pairs, lengths 0..300. */
    static Map<String, String> randomMap(long seed, int entries) {
        Random random = new Random(seed);
        Map<String, String> map = new LinkedHashMap<>();
        while (map.size() < entries) {
            map.put(randomString(random), randomString(random));
        }
        return map;
    }

    static String randomString(Random random) {
        int length = random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(12);
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            switch (random.nextInt(4)) {
                case 0 -> s.append((char) ('a' + random.nextInt(26)));
                case 1 -> s.append((char) (0xA0 + random.nextInt(0x60)));
                case 2 -> s.append((char) (0x400 + random.nextInt(0x2000)));
                default -> s.appendCodePoint(0x1F300 + random.nextInt(0x300));
            }
        }
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void roundTripsRandomMaps(Format format) throws IOException {
        for (long seed = 0; seed < 5; seed++) {
            Map<String, String> map = randomMap(seed, 500);
            assertEquals(map, format.decode(encode(format, map), "test"));
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void roundTripsEdgeCases(Format format) throws IOException {
        assertEquals(Map.of(), format.decode(encode(format, Map.of()), "empty"));
        Map<String, String> edge = new HashMap<>();
        edge.put("", "");
        edge.put("empty value", "");
        edge.put("", "x".repeat(0));
        edge.put("grüße", "日本語");
        edge.put("\uD83D\uDE00 smile", "\uD801\uDC37 deseret");
        edge.put("nul\u0000inside", "long " + "v".repeat(70_000)); // multi-byte varint
        Map<String, String> back = format.decode(encode(format, edge), "edge");
        assertEquals(edge, back);
        assertEquals(ContentDigest.of(edge).hex(), ContentDigest.of(back).hex());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void rejectsEveryTruncation(Format format) throws IOException {
        byte[] bytes = encode(format, randomMap(7, 40));
        for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 97)) {
            byte[] cut = Arrays.copyOf(bytes, length);
            FormatException e = assertThrows(FormatException.class, () -> format.decode(cut, "cut.file"),
                    "truncated to " + length + " of " + bytes.length + " bytes");
            assertTrue(e.getMessage().startsWith("cut.file: "), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void rejectsExtraBytes(Format format) throws IOException {
        byte[] bytes = encode(format, randomMap(8, 40));
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 3);
        assertThrows(FormatException.class, () -> format.decode(longer, "long.file"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void rejectsForeignFiles(Format other) throws IOException {
        for (Format format : Format.ALL) {
            if (format.getClass() != other.getClass() && !(writesBinaryFiles(format) && writesBinaryFiles(other))) {
                byte[] foreign = encode(other, randomMap(9, 10));
                assertThrows(FormatException.class, () -> format.decode(foreign, "foreign"));
            }
        }
    }

    /** The compact format reads (and writes) the binary format's files. */
    private static boolean writesBinaryFiles(Format format) {
        return format instanceof BinaryFormat || format instanceof CompactFormat;
    }
}
