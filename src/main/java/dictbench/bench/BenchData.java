package dictbench.bench;

import dictbench.dataset.DatasetMismatchException;
import dictbench.dataset.DatasetSpec;
import dictbench.dataset.Datasets;
import dictbench.dataset.Format;
import dictbench.dataset.Manifest;
import dictbench.load.HeapBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A generated dataset ready to benchmark: its spec and manifest, checked against the files on disk
 * (size and CRC32C) and against this JVM's heap, before any shot is timed.
 */
record BenchData(DatasetSpec spec, Manifest manifest, Format format, List<Path> files) {

    static BenchData open(String dataset, String formatName) throws IOException {
        return open(dataset, formatName, true);
    }

    /** As {@link #open(String, String)}; {@code sizedHeap}: warn when the young generation cannot hold a shot. */
    static BenchData open(String dataset, String formatName, boolean sizedHeap) throws IOException {
        DatasetSpec spec = Datasets.spec(dataset).withFormat(formatName);
        Manifest manifest = Datasets.manifest(spec);
        if (!manifest.specHash().equals(spec.contentHash())) {
            throw new DatasetMismatchException(dataset + " was generated from a different spec (hash " + manifest.specHash()
                    + ", spec now " + spec.contentHash() + "); regenerate it: scripts/dictbench generate " + dataset);
        }
        manifest.verifyFiles();
        HeapBudget.check(manifest, HeapBudget.maxHeapBytes());
        if (sizedHeap) {
            HeapBudget.youngGenerationWarning(manifest, HeapBudget.minimumYoungBytes()).ifPresent(System.err::println);
        }
        return new BenchData(spec, manifest, Format.named(formatName), manifest.paths());
    }

    /** Every file's bytes, in the order of {@link #files()}: what the in-memory baselines decode. */
    byte[][] readContents() throws IOException {
        byte[][] contents = new byte[files.size()][];
        for (int i = 0; i < contents.length; i++) {
            contents[i] = Files.readAllBytes(files.get(i));
        }
        return contents;
    }
}
