package dictbench.store;

import dictbench.dataset.Format;
import dictbench.dataset.Manifest;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * A fixed, deterministic batch of lookups drawn from a dataset: per lookup, the file whose dictionary it asks, the key,
 * and the value it must get back (null for a miss). The same dataset, size, miss share, distribution and seed give the
 * same batch in every fork and on every machine.
 *
 * <p>Every entry of the dataset has a global index: the files in the manifest's order, each in the order its
 * {@code HashMap} iterates. {@link Distribution#UNIFORM} asks distinct entries, spread over the whole dataset by a
 * stride coprime with its size; {@link Distribution#ZIPF} asks entry ranks drawn from Zipf's law with exponent
 * {@value #ZIPF_EXPONENT} (rank 1 most often), each rank at a scattered global index, so keys repeat as under a skewed
 * load. A miss asks a real key's file for that key with {@value #MISS_SUFFIX} appended, which no generated key holds
 * (checked as the batch is drawn).
 *
 * @param files    per lookup, the index of the file (dictionary) it asks
 * @param keys     per lookup, the key
 * @param expected per lookup, the value the dictionary holds, or null for a miss
 */
public record KeyBatch(int[] files, String[] keys, String[] expected) {
    public static final double ZIPF_EXPONENT = 1.0;
    static final String MISS_SUFFIX = "\u0000miss";
    /** An odd multiplier near 2^32 / golden ratio: a stride that scatters consecutive ranks over the dataset. */
    private static final long STRIDE = 2_654_435_761L;

    /** How keys are drawn. */
    public enum Distribution {
        UNIFORM, ZIPF;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Distribution named(String key) {
            return Arrays.stream(values()).filter(d -> d.key().equals(key)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "unknown key distribution '" + key + "'; known: " + Arrays.stream(values()).map(Distribution::key).toList()));
        }
    }

    public int size() {
        return keys.length;
    }

    /**
     * Draws a batch of {@code size} lookups from the dataset of {@code manifest} (binary files), {@code missPercent} of
     * them misses, reading each file once (outside any timed region).
     *
     * @throws IllegalArgumentException when the batch cannot be drawn: a uniform batch needs as many distinct keys as it
     *                                  has hits, and a batch with hits needs a dataset with keys
     */
    public static KeyBatch draw(Manifest manifest, int size, int missPercent, Distribution distribution, long seed) throws IOException {
        long total = manifest.totalEntries();
        if (size < 1) {
            throw new IllegalArgumentException("a lookup batch needs at least 1 lookup, got " + size);
        }
        if (missPercent < 0 || missPercent > 100) {
            throw new IllegalArgumentException("the share of misses is a percentage from 0 to 100, got " + missPercent);
        }
        int misses = (int) Math.round(size * missPercent / 100.0);
        int hits = size - misses;
        if (hits > 0 && total == 0) {
            throw new IllegalArgumentException("dataset " + manifest.dataset() + " has no keys, so a batch with " + (100 - missPercent)
                    + "% hits cannot be drawn from it: ask only misses (misses=100)");
        }
        if (distribution == Distribution.UNIFORM && hits > total) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a uniform batch of %d lookups with %d%% misses asks %d distinct keys, "
                    + "but dataset %s has %d: use a batch of at most %d, or more misses", size, missPercent, hits, manifest.dataset(), total,
                    missPercent == 100 ? Integer.MAX_VALUE : (long) Math.floor(total * 100.0 / (100 - missPercent))));
        }
        Random random = new Random(seed);
        boolean[] miss = new boolean[size];
        Arrays.fill(miss, 0, misses, true);
        for (int i = size - 1; i > 0; i--) { // Fisher-Yates: where the misses fall
            int j = random.nextInt(i + 1);
            boolean t = miss[i];
            miss[i] = miss[j];
            miss[j] = t;
        }
        long stride = coprimeStride(Math.max(1, total));
        long start = total == 0 ? 0 : Math.floorMod(random.nextLong(), total);
        ZipfDistribution zipf = distribution == Distribution.ZIPF && total > 0
                ? new ZipfDistribution(new MersenneTwister(seed), (int) Math.min(Integer.MAX_VALUE, total), ZIPF_EXPONENT) : null;
        long[] global = new long[size];
        int hit = 0;
        for (int i = 0; i < size; i++) {
            if (total == 0) {
                global[i] = -1;
            } else if (miss[i]) {
                global[i] = Math.floorMod(random.nextLong(), total); // a miss only needs a file: any entry's
            } else {
                long rank = zipf == null ? hit++ : zipf.sample() - 1;
                global[i] = Math.floorMod(start + rank * stride, total);
            }
        }
        return resolve(manifest, global, miss);
    }

    /** A stride near {@link #STRIDE} sharing no factor with {@code n}, so that {@code i * stride mod n} visits every index once. */
    private static long coprimeStride(long n) {
        long s = STRIDE % n == 0 ? 1 : STRIDE % n;
        while (gcd(s, n) != 1) {
            s = (s + 1) % n == 0 ? 1 : s + 1;
        }
        return s;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Reads each file once and fills in the keys and values of the global indexes asked (a miss asks its index's key's file). */
    private static KeyBatch resolve(Manifest manifest, long[] global, boolean[] miss) throws IOException {
        int size = global.length;
        int[] files = new int[size];
        String[] keys = new String[size];
        String[] expected = new String[size];
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(global[a], global[b]));
        long first = 0;
        int next = 0;
        for (int f = 0; f < manifest.files().size(); f++) {
            Manifest.FileEntry file = manifest.files().get(f);
            long end = first + file.entries();
            if (next < size && global[order[next]] < end) {
                Map<String, String> map = Format.named("binary").read(file.file());
                long index = first;
                for (Map.Entry<String, String> e : map.entrySet()) {
                    while (next < size && global[order[next]] == index) {
                        int slot = order[next++];
                        files[slot] = f;
                        keys[slot] = miss[slot] ? e.getKey() + MISS_SUFFIX : e.getKey();
                        expected[slot] = miss[slot] ? null : e.getValue();
                        if (miss[slot] && map.containsKey(keys[slot])) {
                            throw new IllegalStateException(file.path() + " holds the key " + keys[slot] + " that a miss asks");
                        }
                    }
                    index++;
                }
            }
            first = end;
        }
        for (int i = 0; i < size; i++) { // a dataset without keys: only misses, each asking file 0 (or none) for a key it lacks
            if (keys[i] == null) {
                keys[i] = MISS_SUFFIX;
                files[i] = 0;
            }
        }
        return new KeyBatch(files, keys, expected);
    }

    /** One lookup per file, of the first key its {@code HashMap} iterates (a miss for an empty file): the first lookup a dictionary answers. */
    public static KeyBatch onePerFile(Manifest manifest) throws IOException {
        int n = manifest.files().size();
        int[] files = new int[n];
        String[] keys = new String[n];
        String[] expected = new String[n];
        for (int f = 0; f < n; f++) {
            files[f] = f;
            var first = Format.named("binary").read(manifest.files().get(f).file()).entrySet().stream().findFirst();
            keys[f] = first.map(Map.Entry::getKey).orElse(MISS_SUFFIX);
            expected[f] = first.map(Map.Entry::getValue).orElse(null);
        }
        return new KeyBatch(files, keys, expected);
    }

    /** Checks answers against the batch, outside the timed region; the message names the first wrong one. */
    public void check(String[] answers, String way) {
        if (answers.length != keys.length) {
            throw new IllegalStateException(way + " answered " + answers.length + " lookups of " + keys.length);
        }
        for (int i = 0; i < keys.length; i++) {
            if (!java.util.Objects.equals(expected[i], answers[i])) {
                throw new IllegalStateException(way + " answered lookup " + i + " (file " + files[i] + ", key " + keys[i] + ") with "
                        + answers[i] + ", the dataset holds " + expected[i]);
            }
        }
    }
}
