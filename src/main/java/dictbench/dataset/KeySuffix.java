package dictbench.dataset;

/** Fixed-width base-62 entry numbers that end every generated key, so keys in a file are unique by construction. */
final class KeySuffix {
    static final byte[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes();

    private KeySuffix() {
    }

    /** Characters needed to number {@code count} entries (at least 1). */
    static int width(long count) {
        int width = 1;
        for (long capacity = ALPHABET.length; capacity < count; capacity *= ALPHABET.length) {
            width++;
        }
        return width;
    }

    /** Writes {@code number} in base 62, {@code width} characters, ending just before {@code end}. */
    static void write(long number, byte[] into, int end, int width) {
        for (int i = 1; i <= width; i++) {
            into[end - i] = ALPHABET[(int) (number % ALPHABET.length)];
            number /= ALPHABET.length;
        }
    }
}
