package dictbench.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the decode-from-memory baselines share ({@link DecodeBenchmark}, {@link PickleReaderBenchmark}): every file of
 * the dataset read into memory once, before the trial; a shot that decodes them all one after another on the calling
 * thread; and the check of its maps against the manifest, after the shot.
 */
final class InMemoryDecode {
    /** Decodes one file's bytes; {@code source} names it in errors. */
    @FunctionalInterface
    interface Decoder {
        Map<String, String> decode(byte[] bytes, String source) throws IOException;
    }

    private final BenchData data;
    private final byte[][] contents;
    private List<Map<String, String>> last;

    private InMemoryDecode(BenchData data) throws IOException {
        this.data = data;
        this.contents = data.readContents();
    }

    /** The dataset in {@code format}, its files read into memory. */
    static InMemoryDecode of(String dataset, String format) throws IOException {
        return new InMemoryDecode(BenchData.open(dataset, format));
    }

    BenchData data() {
        return data;
    }

    /** The timed shot: every file decoded by {@code decoder}, in file order. */
    List<Map<String, String>> shot(ShotCounters counters, Decoder decoder) throws IOException {
        counters.startShot();
        List<Map<String, String>> maps = new ArrayList<>(contents.length);
        for (int i = 0; i < contents.length; i++) {
            maps.add(decoder.decode(contents[i], data.files().get(i).toString()));
        }
        counters.megabytes = data.manifest().totalBytes() / 1e6;
        counters.residentPercent = 100; // decoded from memory
        counters.endShot();
        last = maps;
        return maps;
    }

    /** After each shot: its maps against the manifest; then, as LoadBenchmark, the next shot starts from an empty young generation. */
    void validateShot() throws IOException {
        try {
            data.manifest().checkContents(last);
        } finally {
            last = null;
            System.gc();
        }
    }
}
