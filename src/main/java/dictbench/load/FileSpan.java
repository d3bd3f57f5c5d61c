package dictbench.load;

/**
 * When one file's load ran, in nanoseconds since the load began: from the first task of the file
 * starting to the last one finishing.
 */
public record FileSpan(int file, long startNanos, long endNanos) {
    public FileSpan {
        if (file < 0) {
            throw new IllegalArgumentException("file must be >= 0, got " + file);
        }
        if (startNanos < 0 || endNanos < startNanos) {
            throw new IllegalArgumentException("need 0 <= startNanos <= endNanos, got " + startNanos + ", " + endNanos);
        }
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
