package dictbench.dataset;

/** A dataset spec that does not exist or holds an invalid value; the message says which and what is allowed. */
public final class SpecException extends IllegalArgumentException {
    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
