package dictbench.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The binary format's files, loaded into a {@link CompactMap} instead of a {@code HashMap}: the eager load without a
 * {@code String} or node per entry. It writes exactly what the binary format writes; only the reader differs.
 */
public final class CompactFormat implements Format {
    public static final String NAME = "compact";
    private final BinaryFormat binary = new BinaryFormat();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String extension() {
        return binary.extension();
    }

    @Override
    public void write(Map<String, String> map, OutputStream out) throws IOException {
        binary.write(map, out);
    }

    @Override
    public Map<String, String> decode(byte[] bytes, String source) throws FormatException {
        BinaryFormat.Header header = BinaryFormat.parseHeader(ByteBuffer.wrap(bytes), bytes.length, source);
        CompactMap map = CompactMap.over(bytes, header.entries(), source);
        for (BinaryFormat.Block block : header.blocks()) {
            map.index(block);
        }
        return map;
    }

    /** Reads the file block by block into the map's array, indexing each block as it arrives (as the binary reader decodes). */
    @Override
    public Map<String, String> read(Path file) throws IOException {
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BinaryFormat.Header header = BinaryFormat.readHeader(channel, source);
            CompactMap map = CompactMap.forFile(header, source);
            for (BinaryFormat.Block block : header.blocks()) {
                map.loadBlock(channel, block);
            }
            return map;
        }
    }

    @Override
    public long estimateBytes(long entries, double meanKeyChars, double meanValueChars) {
        return binary.estimateBytes(entries, meanKeyChars, meanValueChars);
    }
}
