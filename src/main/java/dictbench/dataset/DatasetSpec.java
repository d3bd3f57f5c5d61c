package dictbench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to generate: file count, entries per file (with an optional per-file scale, e.g. one file 4x
 * the others), key and value length ranges, seed, format, and the directories to spread files over.
 * Same spec and seed give byte-identical files.
 *
 * <p>Read from {@code datasets/<name>.properties}; every key is listed in {@link #KEYS}.
 *
 * @param name            the spec's name (its file name without {@code .properties})
 * @param files           number of files, 1..{@value #MAX_FILES}
 * @param entries         entries in a file of scale 1
 * @param scale           per-file multiplier of {@code entries}, one per file
 * @param keyLength       key length range in characters
 * @param valueLength     value length range in characters
 * @param seed            random seed; file {@code i} uses a stream derived from seed and {@code i}
 * @param format          the file format's name (see {@link Format#named})
 * @param directories     where the files go, in turn; relative paths are resolved by the caller
 * @param description     free text
 */
public record DatasetSpec(
        String name,
        int files,
        long entries,
        List<Integer> scale,
        LengthRange keyLength,
        LengthRange valueLength,
        long seed,
        String format,
        List<Path> directories,
        String description) {

    public static final int MAX_FILES = 10_000;
    /** Keys carry a unique base-62 suffix; this many characters at least stay random in front of it. */
    static final int MIN_RANDOM_KEY_CHARS = 2;
    public static final Set<String> KEYS = Set.of(
            "description", "files", "entries", "entries.scale", "key.length", "value.length", "seed", "format", "dirs");

    /** An inclusive range of string lengths in characters. */
    public record LengthRange(int min, int max) {
        public static final int MAX_LENGTH = 1 << 20;

        public LengthRange {
            if (min < 0 || min > MAX_LENGTH) {
                throw new SpecException("length min must be in 0.." + MAX_LENGTH + ", got " + min);
            }
            if (max < min || max > MAX_LENGTH) {
                throw new SpecException("length max must be in " + min + ".." + MAX_LENGTH + ", got " + max);
            }
        }

        public double mean() {
            return (min + max) / 2.0;
        }

        @Override
        public String toString() {
            return min + "-" + max;
        }
    }

    public DatasetSpec {
        if (name == null || name.isBlank()) {
            throw new SpecException("spec name must not be blank");
        }
        if (files < 1 || files > MAX_FILES) {
            throw new SpecException(name + ": files must be in 1.." + MAX_FILES + ", got " + files);
        }
        if (entries < 0) {
            throw new SpecException(name + ": entries must be >= 0, got " + entries);
        }
        scale = List.copyOf(scale);
        if (scale.size() != files) {
            throw new SpecException(name + ": entries.scale must list one multiplier per file (" + files + "), got " + scale.size());
        }
        for (int s : scale) {
            if (s < 1) {
                throw new SpecException(name + ": entries.scale values must be >= 1, got " + s);
            }
        }
        long largestScale = scale.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (entries > (Integer.MAX_VALUE - 8) / largestScale) { // checked before the product, which could overflow
            throw new SpecException(name + ": a file may hold at most " + (Integer.MAX_VALUE - 8) + " entries, got " + entries
                    + " × " + largestScale);
        }
        long largest = entries * largestScale;
        if (largest > Integer.MAX_VALUE - 8) {
            throw new SpecException(name + ": a file may hold at most " + (Integer.MAX_VALUE - 8) + " entries, got " + largest);
        }
        int suffix = KeySuffix.width(largest);
        if (keyLength.min() < suffix + MIN_RANDOM_KEY_CHARS) {
            throw new SpecException(name + ": key.length min must be >= " + (suffix + MIN_RANDOM_KEY_CHARS)
                    + " to keep " + largest + " keys unique, got " + keyLength.min());
        }
        Format.named(format); // rejects unknown formats with the list of known ones
        directories = List.copyOf(directories);
        if (directories.isEmpty()) {
            throw new SpecException(name + ": dirs must name at least one directory");
        }
        description = description == null ? "" : description;
    }

    /** Entries in file {@code index}. */
    public long entriesOf(int index) {
        return entries * scale.get(index);
    }

    public long totalEntries() {
        long total = 0;
        for (int i = 0; i < files; i++) {
            total += entriesOf(i);
        }
        return total;
    }

    /** The directory file {@code index} goes to: directories are used in turn. */
    public Path directoryOf(int index) {
        return directories.get(index % directories.size());
    }

    public DatasetSpec withDirectories(List<Path> dirs) {
        return new DatasetSpec(name, files, entries, scale, keyLength, valueLength, seed, format, dirs, description);
    }

    public DatasetSpec withFormat(String newFormat) {
        return new DatasetSpec(name, files, entries, scale, keyLength, valueLength, seed, newFormat, directories, description);
    }

    /**
     * SHA-256 over what determines the files' content (not their location or description), so two
     * runs with equal hashes loaded equal data.
     */
    public String contentHash() {
        String canonical = "files=" + files + "\nentries=" + entries + "\nentries.scale=" + scale
                + "\nkey.length=" + keyLength + "\nvalue.length=" + valueLength + "\nseed=" + seed
                + "\nformat=" + format + "\ngenerator=" + Generator.VERSION + "\n";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Reads a spec file; relative {@code dirs} are resolved against {@code root}. */
    public static DatasetSpec read(Path file, Path root) throws IOException {
        if (!Files.exists(file)) {
            throw new SpecException("dataset spec " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) { // a FIFO or a device would block or never end
            throw new SpecException("dataset spec " + file + " is not a regular file");
        }
        if (!file.getFileName().toString().endsWith(".properties")) {
            throw new SpecException(file + " is not a dataset spec: spec files are NAME.properties (see datasets/default.properties)");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(specName(file.getFileName().toString()), load(file.toString(), in), root);
        } catch (IllegalArgumentException e) {
            if (e instanceof SpecException) {
                throw e;
            }
            throw new SpecException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a spec from a stream (e.g. a class path resource). */
    public static DatasetSpec read(String name, InputStream in, Path root) throws IOException {
        return parse(name, load(name, new java.io.InputStreamReader(in, StandardCharsets.UTF_8)), root);
    }

    /** Properties, refusing a key given twice (java.util.Properties keeps the last one silently). */
    private static Properties load(String source, Reader in) throws IOException {
        Set<String> twice = new TreeSet<>();
        Properties p = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    twice.add(String.valueOf(key));
                }
                return super.put(key, value);
            }
        };
        p.load(in);
        if (!twice.isEmpty()) {
            throw new SpecException(source + ": key(s) " + twice + " given twice; give each key once");
        }
        return p;
    }

    static String specName(String fileName) {
        return fileName.endsWith(".properties") ? fileName.substring(0, fileName.length() - ".properties".length()) : fileName;
    }

    /** Builds a spec from properties, rejecting unknown keys and bad values with a message naming them. */
    public static DatasetSpec parse(String name, Properties p, Path root) {
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new SpecException(name + ": unknown key(s) " + unknown + "; allowed: " + new TreeSet<>(KEYS));
        }
        int files = intValue(name, p, "files");
        long entries = longValue(name, p, "entries");
        List<Integer> scale = new ArrayList<>();
        String scaleText = p.getProperty("entries.scale");
        if (scaleText == null) {
            for (int i = 0; i < files; i++) {
                scale.add(1);
            }
        } else {
            for (String part : scaleText.split(",")) {
                scale.add(intOf(name, "entries.scale", parseLong(name, "entries.scale", part.trim())));
            }
        }
        List<Path> dirs = new ArrayList<>();
        for (String dir : required(name, p, "dirs").split(",")) {
            if (!dir.isBlank()) {
                dirs.add(root.resolve(dir.trim()).normalize());
            }
        }
        return new DatasetSpec(name, files, entries, scale,
                range(name, p, "key.length"), range(name, p, "value.length"),
                longValue(name, p, "seed"), required(name, p, "format"), dirs,
                p.getProperty("description", ""));
    }

    private static String required(String name, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new SpecException(name + ": missing required key '" + key + "'");
        }
        return v.trim();
    }

    private static int intValue(String name, Properties p, String key) {
        return intOf(name, key, longValue(name, p, key));
    }

    /** {@code v} as an int, refused by name when it does not fit (a cast would wrap 2^32 + 12 to 12). */
    private static int intOf(String name, String key, long v) {
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new SpecException(name + ": " + key + " is out of range: " + v);
        }
        return (int) v;
    }

    private static long longValue(String name, Properties p, String key) {
        return parseLong(name, key, required(name, p, key));
    }

    private static long parseLong(String name, String key, String text) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new SpecException(name + ": " + key + " must be a whole number, got '" + text + "'");
        }
    }

    private static LengthRange range(String name, Properties p, String key) {
        String text = required(name, p, key);
        String[] parts = text.split("-");
        if (parts.length > 2) {
            throw new SpecException(name + ": " + key + " must be N or MIN-MAX, got '" + text + "'");
        }
        try {
            int min = intOf(name, key, parseLong(name, key, parts[0].trim()));
            int max = parts.length == 2 ? intOf(name, key, parseLong(name, key, parts[1].trim())) : min;
            return new LengthRange(min, max);
        } catch (SpecException e) {
            throw new SpecException(name + ": " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name + " (" + files + " files, " + totalEntries() + " entries, " + format + ", scale " + Arrays.toString(scale.toArray()) + ")";
    }
}
