package dictbench.load;
import dictbench.dataset.BinaryFormat;
import dictbench.dataset.CompactFormat;
import dictbench.dataset.CompactMap;
import dictbench.dataset.Format;
import dictbench.os.EachOf;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the in-process strategies share: cutting a load into tasks (one per file, or one per block
 * when splitting a binary file), recording when each file's tasks ran, and collecting the maps. The
 * strategies differ only in how they run the tasks.
 *
 * <p>A whole-file task decodes into a {@code HashMap} (a {@link CompactMap} for the compact format). Block tasks of
 * one file run concurrently, so they fill one pre-sized {@code ConcurrentHashMap}: splitting a file across cores needs
 * a concurrent map, and that cost belongs in the measurement. The compact format's block tasks read into one
 * {@link CompactMap}, whose index takes concurrent inserts itself.
 */
final class LoadPlan implements Closeable {

    /** A unit of work: loads one file or one block of it. */
    interface Task {
        void run() throws IOException;
    }

    private final List<Path> files;
    private final Format format;
    private final LoadedFiles loaded;
    private final List<FileChannel> channels = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();

    private LoadPlan(List<Path> files, Format format) {
        this.loaded = new LoadedFiles(files.size());
        this.files = List.copyOf(files);
        this.format = format;
    }

    /**
     * Plans a load. With {@code splitBlocks} and the binary or compact format, every block is a task (file
     * headers are read here, inside the timed load); otherwise every file is one.
     */
    static LoadPlan of(List<Path> files, Format format, boolean splitBlocks) throws IOException {
        LoadPlan plan = new LoadPlan(files, format);
        try {
            for (int i = 0; i < files.size(); i++) {
                if (splitBlocks && (format instanceof BinaryFormat || format instanceof CompactFormat)) {
                    plan.addBlockTasks(i);
                } else {
                    plan.addFileTask(i);
                }
            }
            return plan;
        } catch (IOException | RuntimeException e) {
            plan.close();
            throw e;
        }
    }

    List<Task> tasks() {
        return tasks;
    }

    private void addFileTask(int file) {
        Path path = files.get(file);
        tasks.add(() -> {
            loaded.begin(file);
            loaded.complete(file, format.read(path));
        });
    }

    private void addBlockTasks(int file) throws IOException {
        Path path = files.get(file);
        String source = path.toString();
        loaded.begin(file);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        channels.add(channel);
        BinaryFormat.Header header = BinaryFormat.readHeader(channel, source);
        Map<String, String> map;
        BlockLoader loader;
        if (format instanceof CompactFormat) {
            CompactMap compact = CompactMap.forFile(header, source);
            map = compact;
            loader = block -> compact.loadBlock(channel, block);
        } else {
            Map<String, String> concurrent = new ConcurrentHashMap<>(Format.hashMapCapacity(header.entries()));
            map = concurrent;
            loader = block -> BinaryFormat.decodeBlock(BinaryFormat.readBlock(channel, block, source), 0, block, concurrent, source);
        }
        loaded.put(file, map);
        if (header.blocks().isEmpty()) {
            loaded.end(file);
        }
        for (BinaryFormat.Block block : header.blocks()) {
            tasks.add(() -> {
                loaded.begin(file);
                loader.load(block);
                loaded.end(file);
            });
        }
    }

    /** Loads one block of a file into its map. */
    private interface BlockLoader {
        void load(BinaryFormat.Block block) throws IOException;
    }

    /** The result once every task has run. */
    LoadResult result() {
        return loaded.result(Optional.empty());
    }

    @Override
    public void close() throws IOException {
        EachOf.apply(channels, FileChannel::close);
    }
}
