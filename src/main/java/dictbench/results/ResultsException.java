package dictbench.results;

import java.io.IOException;

/** A results file that is not usable JMH output; the message names the file and what is wrong. */
public final class ResultsException extends IOException {
    public ResultsException(String message) {
        super(message);
    }

    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
