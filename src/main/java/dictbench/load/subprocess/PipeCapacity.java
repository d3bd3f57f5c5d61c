package dictbench.load.subprocess;

import dictbench.os.Libc;

/**
 * A Linux pipe's capacity, through {@code fcntl(F_GETPIPE_SZ / F_SETPIPE_SZ)} (man 7 pipe, bound in {@link Libc}). A
 * subprocess child grows its stdout pipe so that it can encode the next block while the parent
 * decodes the last: with the default 64 KB, the two took turns, blocked on each other at every 64 KB.
 */
public final class PipeCapacity {
    /** What a child asks for: Linux's default {@code /proc/sys/fs/pipe-max-size}, which an unprivileged process may set. */
    public static final int WANTED_BYTES = 1 << 20;

    private PipeCapacity() {
    }

    /**
     * Sets the capacity of the pipe open as {@code fd} to at least {@code bytes} and returns what the
     * kernel granted; -1 when it cannot (not Linux, no native access, {@code fd} not a pipe, or over
     * the system's limit), which leaves the pipe as it was: slower, not wrong.
     */
    public static int grow(int fd, int bytes) {
        return call(fd, Libc.F_SETPIPE_SZ, bytes);
    }

    /** The capacity of the pipe open as {@code fd}, or -1 when it cannot be read. */
    public static int of(int fd) {
        return call(fd, Libc.F_GETPIPE_SZ, 0);
    }

    private static int call(int fd, int command, int argument) {
        if (!Libc.isSupported()) {
            return -1;
        }
        try {
            return Libc.get().fcntl(fd, command, argument);
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
