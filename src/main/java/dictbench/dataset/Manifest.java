package dictbench.dataset;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dictbench.os.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.zip.CRC32C;

/**
 * What the generator wrote, written beside the data as {@code manifest.json}: the spec and its hash,
 * and per file its path, size, entry count, CRC32C of the bytes and content digest. Any loader's
 * maps are checked against it, so no loader has to trust another.
 */
public record Manifest(
        int version,
        String dataset,
        String specHash,
        String format,
        Map<String, Object> spec,
        List<FileEntry> files,
        List<Mounts.Mount> mounts) {

    public static final int VERSION = 1;
    public static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public Manifest {
        files = List.copyOf(files);
        mounts = List.copyOf(mounts);
        spec = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spec));
    }

    /**
     * @param path    absolute path of the data file
     * @param bytes   its size
     * @param entries its entry count
     * @param crc32c  CRC32C of its bytes, 8 hex digits
     * @param digest  {@link ContentDigest} of its content, 16 hex digits
     */
    public record FileEntry(String path, long bytes, long entries, String crc32c, String digest) {
        public Path file() {
            return Path.of(path);
        }

        /** Checks a loaded map's entry count and content digest against this entry; the message names the file and what differed. */
        public void checkContent(long loadedEntries, String loadedDigest) throws DatasetMismatchException {
            if (loadedEntries != entries) {
                throw new DatasetMismatchException(path + ": loaded " + loadedEntries + " entries, manifest says " + entries);
            }
            if (!loadedDigest.equals(digest)) {
                throw new DatasetMismatchException(path + ": content digest " + loadedDigest + " differs from the manifest's " + digest);
            }
        }

        /** Checks the file on disk: present, same size, same CRC32C. */
        public void checkFile() throws IOException {
            Path file = file();
            if (!Files.isRegularFile(file)) {
                throw new DatasetMismatchException(path + (Files.exists(file) ? " is not a regular file" : " is missing")
                        + "; regenerate the dataset with 'scripts/dictbench generate'");
            }
            long size = Files.size(file);
            if (size != bytes) {
                throw new DatasetMismatchException(path + " is " + size + " bytes, manifest says " + bytes + "; regenerate the dataset");
            }
            String crc = fileCrc32c(file);
            if (!crc.equals(crc32c)) {
                throw new DatasetMismatchException(path + " has CRC32C " + crc + ", manifest says " + crc32c + "; regenerate the dataset");
            }
        }
    }

    /**
     * Checks maps loaded from {@link #paths()}, in that order, against their entries; the message
     * names the file and what differed. It hashes every entry: call it outside any timed region.
     */
    public void checkContents(List<Map<String, String>> loaded) throws DatasetMismatchException {
        if (loaded.size() != files.size()) {
            throw new DatasetMismatchException("loaded " + loaded.size() + " files, the manifest lists " + files.size());
        }
        List<String> digests = inParallel(i -> ContentDigest.of(loaded.get(i)).hex());
        for (int i = 0; i < loaded.size(); i++) {
            files.get(i).checkContent(loaded.get(i).size(), digests.get(i));
        }
    }

    /**
     * {@code perFile} of every file index, the files at once on the machine's cores (a parallel stream, outside
     * any timed region), the results in file order so that the first mismatch reported does not depend on scheduling.
     */
    private <R> List<R> inParallel(IntFunction<R> perFile) {
        return IntStream.range(0, files.size()).parallel().mapToObj(perFile).toList();
    }

    public long totalBytes() {
        return files.stream().mapToLong(FileEntry::bytes).sum();
    }

    public long totalEntries() {
        return files.stream().mapToLong(FileEntry::entries).sum();
    }

    public List<Path> paths() {
        return files.stream().map(FileEntry::file).toList();
    }

    /**
     * This manifest as the files of {@code spec}, checked against it and located where the spec puts them: the
     * spec's file count, each file's name and entry count must be the manifest's (a manifest listing fewer
     * files, one file six times, or none is refused, naming what differs), and each file is read from the
     * spec's directory for it (the manifest's own directory for a single-directory spec), not from the path
     * the manifest recorded when it was written, so a copied or moved dataset reads its own files.
     *
     * @throws DatasetMismatchException naming the first difference
     */
    public Manifest of(DatasetSpec spec, Format format) throws DatasetMismatchException {
        if (files.size() != spec.files()) {
            throw new DatasetMismatchException("the manifest of " + spec.name() + " lists " + files.size() + " files, its spec has "
                    + spec.files() + "; regenerate the dataset: scripts/dictbench generate " + spec.name());
        }
        List<FileEntry> located = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileEntry f = files.get(i);
            Path expected = Generator.filePath(spec, format, i);
            if (!Path.of(f.path()).getFileName().equals(expected.getFileName())) {
                throw new DatasetMismatchException("the manifest of " + spec.name() + " lists " + f.path() + " as file " + i + ", the spec's file "
                        + i + " is " + expected.getFileName() + "; regenerate the dataset: scripts/dictbench generate " + spec.name());
            }
            if (f.entries() != spec.entriesOf(i)) {
                throw new DatasetMismatchException("the manifest of " + spec.name() + " says " + expected.getFileName() + " holds " + f.entries()
                        + " entries, its spec says " + spec.entriesOf(i) + "; regenerate the dataset: scripts/dictbench generate " + spec.name());
            }
            located.add(new FileEntry(expected.toAbsolutePath().toString(), f.bytes(), f.entries(), f.crc32c(), f.digest()));
        }
        return new Manifest(version, dataset, specHash, this.format, spec(), located, mounts);
    }

    /** Checks every file against the manifest (size and CRC32C), the files at once; throws on the first that differs. */
    public void verifyFiles() throws IOException {
        List<Optional<IOException>> failures = inParallel(i -> {
            try {
                files.get(i).checkFile();
                return Optional.empty();
            } catch (IOException e) {
                return Optional.of(e);
            }
        });
        for (Optional<IOException> failure : failures) {
            if (failure.isPresent()) {
                throw failure.get();
            }
        }
    }

    public static Manifest read(Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) { // a FIFO would block the read forever
            throw new DatasetMismatchException(file + " is not a regular file; remove it and regenerate the dataset");
        }
        try {
            Manifest m = JSON.readValue(file.toFile(), Manifest.class);
            if (m.version() != VERSION || m.files() == null) {
                throw new DatasetMismatchException(file + ": manifest version " + m.version() + " is not " + VERSION + "; regenerate the dataset");
            }
            return m;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new NoSuchFileException(file.toString(), null, "no manifest; generate the dataset first");
        } catch (JacksonException e) {
            throw new DatasetMismatchException(file + " is not a valid manifest (" + e.getOriginalMessage() + "); regenerate the dataset");
        }
    }

    /** Writes under a temporary name, then renames: a reader sees the old manifest or the new, never half of one. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, this));
    }

    /** CRC32C of a file's bytes, 8 hex digits. */
    public static String fileCrc32c(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (ch.read(buffer) >= 0) {
                crc.update(buffer.flip());
                buffer.clear();
            }
        }
        return hex32(crc.getValue());
    }

    static String hex32(long value) {
        return String.format("%08x", value);
    }
}
