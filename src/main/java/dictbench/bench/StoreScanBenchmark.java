package dictbench.bench;

import dictbench.dataset.ContentDigest;
import dictbench.dataset.DatasetMismatchException;
import dictbench.store.Way;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A full scan of every entry of every dictionary, the price of needing everything: each entry is handed to a content
 * digest (so every key and value is really read, and the digest is checked against the manifest after the shot); for
 * the eager ways, the scan of the maps they loaded.
 *
 * <p>{@code java -jar target/benchmarks.jar StoreScanBenchmark -p dataset=default -p way=hashmap,sqlite}
 */
public class StoreScanBenchmark extends StoreBenchmark {

    @Param({"hashmap", "compact", "sqlite", "lmdb", "sparkey"})
    public String way;

    private ContentDigest[] digests;

    @Override
    protected Way way() {
        Way w = Way.named(way);
        if (w.cached()) {
            throw new IllegalArgumentException("way=" + way + ": a scan goes past any cache to the store; scan " + way.replace("+cache", ""));
        }
        return w;
    }

    @Benchmark
    public ContentDigest[] scan(ShotCounters shot) throws IOException {
        shot.startShot();
        ContentDigest[] scanned = new ContentDigest[open.size()];
        for (int i = 0; i < scanned.length; i++) {
            scanned[i] = new ContentDigest();
            open.get(i).scan(scanned[i]::add);
        }
        record(shot);
        digests = scanned;
        return scanned;
    }

    @TearDown(Level.Iteration)
    public void checkDigests() throws DatasetMismatchException {
        ContentDigest[] checking = digests;
        digests = null;
        for (int i = 0; i < checking.length; i++) {
            data.manifest().files().get(i).checkContent(checking[i].entries(), checking[i].hex());
        }
    }
}
