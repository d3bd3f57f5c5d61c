package dictbench.dataset;

import java.io.IOException;

/** A data file that is not what its format says: names the file and the byte offset where decoding failed. */
public final class FormatException extends IOException {
    private final String source;
    private final long offset;

    public FormatException(String source, long offset, String problem) {
        this(source, offset, problem, null);
    }

    public FormatException(String source, long offset, String problem, Throwable cause) {
        super(source + ": " + problem + " at byte offset " + offset, cause);
        this.source = source;
        this.offset = offset;
    }

    public String source() {
        return source;
    }

    public long offset() {
        return offset;
    }
}
