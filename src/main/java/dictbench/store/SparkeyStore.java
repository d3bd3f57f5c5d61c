package dictbench.store;

import com.spotify.sparkey.Sparkey;
import com.spotify.sparkey.SparkeyReader;
import com.spotify.sparkey.SparkeyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Spotify's Sparkey: an immutable hash index ({@code .spi}, the path a store is named by) over a log of the entries
 * ({@code .spl}), both memory-mapped by the reader: opening one reads its headers and nothing else.
 */
final class SparkeyStore implements Store {
    private final Path index;
    private final SparkeyReader reader;
    /**
     * A reader keeps its position in the log: each thread gets a duplicate, which shares the mapping. Closing any of
     * them unmaps them all (Sparkey's ReadOnlyMemMap), so only the first is closed, with the store.
     */
    private final PerThread<SparkeyReader> readers;

    private SparkeyStore(Path index, SparkeyReader reader) {
        this.index = index;
        this.reader = reader;
        this.readers = new PerThread<>(reader::duplicate, duplicate -> { });
    }

    /** The index and the log of the store named by {@code index}. */
    static List<Path> files(Path index) {
        return List.of(index, Sparkey.getLogFile(index.toFile()).toPath());
    }

    static void build(Map<String, String> entries, Path index) throws IOException {
        if (!index.getFileName().toString().endsWith(".spi")) {
            throw new IllegalArgumentException(index + ": a Sparkey store is named by its index, NAME.spi");
        }
        String name = index.getFileName().toString();
        Path tempIndex = index.resolveSibling(name.substring(0, name.length() - ".spi".length()) + ".tmp.spi");
        List<Path> temps = files(tempIndex);
        for (Path t : temps) {
            Files.deleteIfExists(t);
        }
        try {
            try (SparkeyWriter writer = Sparkey.createNew(tempIndex.toFile())) {
                for (var e : entries.entrySet()) {
                    writer.put(e.getKey(), e.getValue());
                }
                writer.writeHash();
            }
            List<Path> finals = files(index);
            // the log first, the index last: an index names a complete log
            Files.move(temps.get(1), finals.get(1), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(temps.get(0), finals.get(0), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            for (Path t : temps) {
                Files.deleteIfExists(t);
            }
        }
    }

    static Store open(Path index) throws IOException {
        for (Path f : files(index)) {
            if (!Files.isRegularFile(f)) {
                throw new java.nio.file.NoSuchFileException(f.toString(), null, "no Sparkey store; build it first");
            }
        }
        return new SparkeyStore(index, Sparkey.open(index.toFile()));
    }

    @Override
    public String get(String key) throws IOException {
        return readers.get().getAsString(key);
    }

    @Override
    public void scan(BiConsumer<String, String> entry) throws IOException {
        for (SparkeyReader.Entry e : reader) {
            if (e.getType() == SparkeyReader.Type.PUT) {
                entry.accept(e.getKeyAsString(), e.getValueAsString());
            }
        }
    }

    @Override
    public long bytes() throws IOException {
        long total = 0;
        for (Path f : files(index)) {
            total += Files.size(f);
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        readers.closeAll();
        reader.close();
    }
}
