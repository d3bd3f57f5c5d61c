package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pickle reader on pickles CPython 3.11 wrote ({@code src/test/resources/dictbench/dataset/pickles/make-fixtures.py}). */
class PickleFormatTest {
    private final PickleFormat pickle = new PickleFormat();

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = PickleFormatTest.class.getResourceAsStream("pickles/" + name)) {
            assertTrue(in != null, "fixture " + name + " is missing");
            return in.readAllBytes();
        }
    }

    @ParameterizedTest(name = "protocol {0}")
    @ValueSource(ints = {2, 3, 4, 5})
    void readsEveryProtocolCPythonWrites(int protocol) throws IOException {
        Map<String, String> expected = new ObjectMapper().readValue(fixture("dict.json"), new TypeReference<Map<String, String>>() { });
        Map<String, String> read = pickle.decode(fixture("dict-protocol-" + protocol + ".pickle"), "d.pickle");
        assertEquals(expected, read);
        assertEquals("\uD83D\uDCA9", read.get("\uD83D\uDE00emoji"), "a supplementary character survives");
        assertEquals(300, read.get("long").length(), "a string of more than 255 bytes (BINUNICODE)");
        assertEquals("shared-vvv", read.get("b"), "a value the pickle memoized once and got again");
        assertEquals(ContentDigest.of(expected).hex(), ContentDigest.of(read).hex());
    }

    @Test
    void readsTheEmptyDictAndASingleItem() throws IOException {
        assertEquals(Map.of(), pickle.decode(fixture("empty-protocol-4.pickle"), "e.pickle"));
        assertEquals(Map.of("only", "one"), pickle.decode(fixture("one-item-protocol-4.pickle"), "o.pickle"), "SETITEM, not SETITEMS");
    }

    @Test
    void writesTheBytesCPythonWrites() throws IOException {
        Map<String, String> inOrder = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            inOrder.put(String.format("k%06d", i), ("value-" + i + "-").repeat(1 + i % 5));
        }
        byte[] cpython = fixture("frames-protocol-4.pickle");
        assertArrayEquals(cpython, FormatTest.encode(pickle, inOrder), "PROTO 4, 64 KiB frames, batches of 1000, MEMOIZE after each string");
        assertArrayEquals(fixture("one-item-protocol-4.pickle"), FormatTest.encode(pickle, Map.of("only", "one")));
        assertArrayEquals(fixture("empty-protocol-4.pickle"), FormatTest.encode(pickle, Map.of()), "a frame under 4 bytes has no FRAME");
    }

    @Test
    void refusesACallBeforeItIsMade() throws IOException {
        // {"a": os.system("echo pwned")} at protocol 2: BINUNICODE 'a' BINPUT, then GLOBAL 'posix system' at byte 13
        FormatException e = assertThrows(FormatException.class, () -> pickle.decode(fixture("os-system-protocol-2.pickle"), "evil.pickle"));
        assertEquals("evil.pickle: has opcode 0x63 ('c'), which builds something other than a dict of str to str; "
                + "it was refused before it ran at byte offset 13", e.getMessage());
    }

    @Test
    void refusesOtherClassesAndOtherValues() throws IOException {
        FormatException ordered = assertThrows(FormatException.class, () -> pickle.decode(fixture("ordereddict-protocol-4.pickle"), "o.pickle"));
        assertEquals(11, ordered.offset(), ordered.getMessage()); // the module name of collections.OrderedDict, before any dict
        FormatException integer = assertThrows(FormatException.class, () -> pickle.decode(fixture("int-value-protocol-4.pickle"), "i.pickle"));
        assertTrue(integer.getMessage().contains("opcode 0x4b ('K')"), integer.getMessage()); // BININT1 1
    }

    @Test
    void refusesOtherProtocolsMalformedTextAndTrailingBytes() throws IOException {
        assertTrue(assertThrows(FormatException.class, () -> pickle.decode("(dp0\n.".getBytes(), "p0"))
                .getMessage().contains("not a pickle of protocol 2 or newer"));
        assertTrue(assertThrows(FormatException.class, () -> pickle.decode(new byte[] {(byte) 0x80, 6, '}', '.'}, "p6"))
                .getMessage().contains("protocol 6"));
        byte[] badUtf8 = {(byte) 0x80, 4, '}', '(', (byte) 0x8c, 1, (byte) 0xff, (byte) 0x8c, 0, 'u', '.'};
        FormatException text = assertThrows(FormatException.class, () -> pickle.decode(badUtf8, "u"));
        assertEquals(4, text.offset(), text.getMessage());
        byte[] trailing = {(byte) 0x80, 4, '}', '.', 0};
        assertEquals(4, assertThrows(FormatException.class, () -> pickle.decode(trailing, "t")).offset());
    }
}
