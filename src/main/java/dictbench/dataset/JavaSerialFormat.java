package dictbench.dataset;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Java object serialization of a {@code HashMap<String, String>}: the JVM's pickle. Read only
 * through an {@link ObjectInputFilter} that admits {@code HashMap}, {@code String} and the
 * {@code Map.Entry[]} table HashMap sizes on read, and limits depth, references, array length and
 * bytes to what a file of this size can honestly hold. Anything else is rejected before it is
 * instantiated (JEP 290), so a hostile file cannot run a gadget chain.
 */
public final class JavaSerialFormat implements Format {
    public static final String NAME = "java-serial";
    /** HashMap at depth 1, its String keys and values at depth 2. */
    static final int MAX_DEPTH = 2;
    /** The smallest serialized String (TC_STRING + 2-byte length) takes 3 bytes; a back-reference 5. */
    static final int MIN_BYTES_PER_REFERENCE = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String extension() {
        return "ser";
    }

    @Override
    public long estimateBytes(long entries, double meanKeyChars, double meanValueChars) {
        return (long) Math.ceil(entries * (meanKeyChars + meanValueChars + 2 * 3)) + 1024;
    }

    @Override
    public void write(Map<String, String> map, OutputStream out) throws IOException {
        HashMap<String, String> plain = map.getClass() == HashMap.class ? (HashMap<String, String>) map : new HashMap<>(map);
        ObjectOutputStream oos = new ObjectOutputStream(new BufferedOutputStream(out, 1 << 16));
        oos.writeObject(plain);
        oos.flush();
    }

    /** The allow-list filter for a stream of {@code streamBytes} bytes. */
    static ObjectInputFilter filterFor(long streamBytes) {
        long maxRefs = streamBytes / MIN_BYTES_PER_REFERENCE + 16;
        // HashMap.readObject checks its table (Map.Entry[]) of about mappings / 0.75, rounded up to a power of two.
        long maxArray = Math.min(Integer.MAX_VALUE, maxRefs * 4);
        return ObjectInputFilter.Config.createFilter("maxdepth=" + MAX_DEPTH + ";maxrefs=" + maxRefs
                + ";maxarray=" + maxArray + ";maxbytes=" + streamBytes + ";java.util.HashMap;java.lang.String;java.util.Map$Entry;!*");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> decode(byte[] bytes, String source) throws FormatException {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        try (ObjectInputStream ois = new ObjectInputStream(in)) {
            ois.setObjectInputFilter(filterFor(bytes.length));
            Object read = ois.readObject();
            if (!(read instanceof HashMap<?, ?> map)) {
                throw new FormatException(source, 0, "holds a " + (read == null ? "null" : read.getClass().getName()) + ", not a HashMap");
            }
            if (ois.read() != -1) {
                throw new FormatException(source, bytes.length - in.available() - 1, "has bytes after the serialized map");
            }
            // The filter admits only HashMap and String, but an (empty) HashMap could still sit where a String belongs.
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !(e.getValue() instanceof String)) {
                    throw new FormatException(source, 0, "holds a key or value that is not a String");
                }
            }
            return (Map<String, String>) map;
        } catch (FormatException e) {
            throw e;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // InvalidClassException (filter said no), StreamCorruptedException, EOFException, OptionalDataException...
            throw new FormatException(source, bytes.length - in.available(),
                    "not a valid serialized HashMap<String,String> (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }
}
