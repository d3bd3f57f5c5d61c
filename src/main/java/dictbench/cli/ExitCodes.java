package dictbench.cli;

/** Named exit codes shared by every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** {@code compare} found a regression. */
    public static final int REGRESSION = 1;
    /** Bad input: a wrong flag, a missing or corrupt file, a full disk... */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
