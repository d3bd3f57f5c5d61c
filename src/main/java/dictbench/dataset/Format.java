package dictbench.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A dictionary file format: a writer and a reader. Decoding is the hot path every strategy times. */
public sealed interface Format permits BinaryFormat, CompactFormat, JavaSerialFormat, PickleFormat {

    List<Format> ALL = List.of(new BinaryFormat(), new JavaSerialFormat(), new CompactFormat(), new PickleFormat());

    /** The name used in specs, JMH params and the CLI. */
    String name();

    /** File name extension, without the dot. */
    String extension();

    /** Writes every entry of {@code map} to {@code out}, in the order the format chooses. */
    void write(Map<String, String> map, OutputStream out) throws IOException;

    /** Decodes a whole file held in memory; {@code source} names it in errors. */
    Map<String, String> decode(byte[] bytes, String source) throws FormatException;

    /** Reads and decodes a file. */
    default Map<String, String> read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /**
     * A map read from a file, and whether every key and value in it is known to be pure ASCII, so
     * that an encoder may copy the strings' chars as bytes instead of encoding them as UTF-8.
     * {@code allAscii} false says only that the reader did not find out.
     */
    record Decoded(Map<String, String> map, boolean allAscii) {
    }

    /**
     * Reads a file as {@link #read} does and says whether all its strings are pure ASCII, where
     * the format can tell at the cost of a few instructions per string; other formats say false.
     */
    default Decoded readCheckingAscii(Path file) throws IOException {
        return new Decoded(read(file), false);
    }

    /** A generous estimate of a file's size, for the free-space check before generating. */
    long estimateBytes(long entries, double meanKeyChars, double meanValueChars);

    static Format named(String name) {
        for (Format f : ALL) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new SpecException("unknown format '" + name + "'; known: " + ALL.stream().map(Format::name).toList());
    }

    /** Initial capacity for a HashMap that will hold {@code entries} without resizing. */
    static int hashMapCapacity(long entries) {
        return (int) Math.min(Integer.MAX_VALUE - 8, entries * 4 / 3 + 1);
    }
}
