package dictbench.dataset;

import java.io.IOException;

/** Data on disk or in memory that does not match its manifest: the message names the file and what differed. */
public final class DatasetMismatchException extends IOException {
    public DatasetMismatchException(String message) {
        super(message);
    }
}
