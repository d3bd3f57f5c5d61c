package dictbench.dataset;

import java.util.Map;

/**
 * An order-independent 64-bit digest of a map's content: the sum (mod 2^64) of a mixed 64-bit hash
 * of every (key, value) pair. Insertion order, map type and the format the map came from do not
 * matter, so any loader's result can be checked against the manifest without trusting another
 * loader. Not cryptographic: it guards against bugs, not adversaries (the CRC32C of the file bytes
 * and the file formats' own checks cover corruption).
 */
public final class ContentDigest {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long sum;
    private long entries;

    public void add(String key, String value) {
        sum += fmix64(hash(key) * 0x9E3779B97F4A7C15L + hash(value));
        entries++;
    }

    public ContentDigest add(ContentDigest other) {
        sum += other.sum;
        entries += other.entries;
        return this;
    }

    public long entries() {
        return entries;
    }

    /** The digest as 16 hex digits. */
    public String hex() {
        return String.format("%016x", sum);
    }

    public static ContentDigest of(Map<String, String> map) {
        ContentDigest d = new ContentDigest();
        map.forEach(d::add);
        return d;
    }

    /** FNV-1a over the UTF-16 code units, then a length mix so "" and absent content differ. */
    private static long hash(String s) {
        long h = FNV_OFFSET;
        for (int i = 0, n = s.length(); i < n; i++) {
            h = (h ^ s.charAt(i)) * FNV_PRIME;
        }
        return h ^ ((long) s.length() << 32);
    }

    /** MurmurHash3's 64-bit finaliser (Appleby, public domain). */
    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
