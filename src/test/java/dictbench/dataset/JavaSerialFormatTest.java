package dictbench.dataset;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JavaSerialFormatTest {

    /** Stands in for a gadget: records whether deserialization ever ran its code. */
    static final class Gadget implements Serializable {
        static volatile boolean instantiated;

        @Serial
        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            instantiated = true;
            in.defaultReadObject();
        }
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void rejectsClassOutsideAllowListBeforeInstantiatingIt() throws IOException {
        Map<String, Object> map = new HashMap<>();
        map.put("k", new Gadget());
        byte[] bytes = serialize(map);
        Gadget.instantiated = false;
        FormatException e = assertThrows(FormatException.class, () -> new JavaSerialFormat().decode(bytes, "evil.ser"));
        assertFalse(Gadget.instantiated, "the filter must reject the class before its readObject runs");
        assertTrue(e.getMessage().contains("InvalidClassException"), e.getMessage());
        assertTrue(e.getMessage().startsWith("evil.ser: "), e.getMessage());
    }

    @Test
    void rejectsNonMapAndNestedMaps() throws IOException {
        assertThrows(FormatException.class, () -> new JavaSerialFormat().decode(serialize("just a string"), "s"));
        Map<String, Object> nested = new HashMap<>();
        nested.put("inner", new HashMap<String, String>());
        assertThrows(FormatException.class, () -> new JavaSerialFormat().decode(serialize(nested), "n"));
        Map<String, Object> boxed = new HashMap<>();
        boxed.put("n", 42);
        assertThrows(FormatException.class, () -> new JavaSerialFormat().decode(serialize(boxed), "b"));
    }

    @Test
    void limitsReferencesToWhatTheFileSizeAllows() throws IOException {
        Map<String, String> map = FormatTest.randomMap(1, 1_000);
        byte[] bytes = serialize(new HashMap<>(map));
        // The same stream presented as if it were much shorter must exceed maxrefs/maxbytes.
        var filter = JavaSerialFormat.filterFor(bytes.length / 10);
        try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            assertThrows(java.io.InvalidClassException.class, in::readObject);
        }
    }
}
