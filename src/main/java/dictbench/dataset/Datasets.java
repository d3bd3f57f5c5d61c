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
 */
public final class Datasets {
    public static final String ROOT_PROPERTY = "dictbench.root";
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

    public static DatasetSpec spec(String nameOrPath) throws IOException {
        return spec(nameOrPath, root());
    }

    public static DatasetSpec spec(String nameOrPath, Path root) throws IOException {
        if (nameOrPath.endsWith(".properties") || nameOrPath.contains("/")) {
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
