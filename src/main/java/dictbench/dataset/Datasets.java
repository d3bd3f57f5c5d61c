package dictbench.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds specs and generated datasets. A spec is named by a path to a {@code .properties} file, or by
 * name: {@code <root>/datasets/<name>.properties}, then the copy embedded in the jar. The root is the
 * system property {@value #ROOT_PROPERTY}, else the environment variable {@code DICTBENCH_ROOT},
 * else the working directory; relative {@code dirs} in a spec are resolved against it.
 *
 * <p>Two system properties carry what {@code bench} was told into its forks, which receive only spec names: {@value
 * #SPEC_FILES_PROPERTY} lists spec files named by path (separated by the platform's path separator), found by their
 * names before the root's; {@value #DATA_DIRS_PROPERTY} lists directories (the same separator) that replace every
 * spec's {@code dirs}.
 */
public final class Datasets {
    public static final String ROOT_PROPERTY = "dictbench.root";
    public static final String SPEC_FILES_PROPERTY = "dictbench.spec.files";
    public static final String DATA_DIRS_PROPERTY = "dictbench.data.dirs";
    private static final String RESOURCE_DIR = "datasets/";

    private Datasets() {
    }

    public static Path root() {
        String root = System.getProperty(ROOT_PROPERTY);
        if (root == null || root.isBlank()) {
            root = System.getenv("DICTBENCH_ROOT");
        }
        return Path.of(root == null || root.isBlank() ? "" : root).toAbsolutePath().normalize();
    }

    /**
     * The spec named (or at the path given), with what {@code bench} passed its forks: as {@link #spec(String, List, List)}
     * with the spec files of {@value #SPEC_FILES_PROPERTY} and the directories of {@value #DATA_DIRS_PROPERTY}.
     */
    public static DatasetSpec spec(String nameOrPath) throws IOException {
        return spec(nameOrPath, pathList(SPEC_FILES_PROPERTY), pathList(DATA_DIRS_PROPERTY));
    }

    /**
     * The spec named (or at the path given): first among {@code specFiles} by name, else as {@link #spec(String, Path)}
     * finds it in {@link #root()}; its files in {@code dataDirs} instead of its own {@code dirs} when that is not empty.
     */
    public static DatasetSpec spec(String nameOrPath, List<Path> specFiles, List<Path> dataDirs) throws IOException {
        DatasetSpec spec = null;
        for (Path file : specFiles) {
            if (DatasetSpec.specName(file.getFileName().toString()).equals(nameOrPath)) {
                spec = DatasetSpec.read(file, root());
                break;
            }
        }
        if (spec == null) {
            spec = spec(nameOrPath, root());
        }
        return dataDirs.isEmpty() ? spec : spec.withDirectories(dataDirs);
    }

    /** A system property's paths, split at the platform's path separator, absolute; empty when unset. */
    private static List<Path> pathList(String property) {
        String value = System.getProperty(property, "");
        return Stream.of(value.split(java.io.File.pathSeparator)).filter(v -> !v.isBlank())
                .map(v -> Path.of(v).toAbsolutePath().normalize()).toList();
    }

    /** Whether {@code nameOrPath} names a spec file by its path rather than a spec by its name. */
    public static boolean isPath(String nameOrPath) {
        return nameOrPath.endsWith(".properties") || nameOrPath.contains("/");
    }

    public static DatasetSpec spec(String nameOrPath, Path root) throws IOException {
        if (isPath(nameOrPath)) {
            return DatasetSpec.read(Path.of(nameOrPath), root);
        }
        Path file = root.resolve(RESOURCE_DIR + nameOrPath + ".properties");
        if (Files.isRegularFile(file)) {
            return DatasetSpec.read(file, root);
        }
        try (InputStream in = Datasets.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + nameOrPath + ".properties")) {
            if (in != null) {
                return DatasetSpec.read(nameOrPath, in, root);
            }
        }
        throw new SpecException("dataset spec '" + nameOrPath + "' not found in " + root.resolve(RESOURCE_DIR)
                + "; known: " + known(root));
    }

    /** The manifest of a generated dataset; says how to generate it when it is missing. */
    public static Manifest manifest(DatasetSpec spec) throws IOException {
        Path path = Generator.manifestPath(spec);
        if (!Files.isRegularFile(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString(), null,
                    "dataset '" + spec.name() + "' (" + spec.format() + ") is not generated; run: scripts/dictbench generate "
                            + spec.name() + (spec.format().equals(BinaryFormat.NAME) ? "" : " --format " + spec.format()));
        }
        Manifest manifest = Manifest.read(path);
        if (!manifest.specHash().equals(spec.contentHash())) {
            return manifest; // stale: the callers regenerate it, or refuse naming both hashes
        }
        return manifest.of(spec, Format.named(spec.format()));
    }

    private static List<String> known(Path root) {
        Path dir = root.resolve(RESOURCE_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(DatasetSpec::specName).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
