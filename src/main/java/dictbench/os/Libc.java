package dictbench.os;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Every libc function dictbench calls, bound once through the Foreign Function &amp; Memory API:
 * {@code open}, {@code close}, {@code fdatasync}, {@code posix_fadvise}, {@code mincore}, {@code fcntl},
 * {@code strerror} and {@code sysconf} (the page size and the clock tick, read once at start-up).
 *
 * <p>Supported platforms are Linux on x86_64 and aarch64, the two for which the constants here
 * ({@code O_CLOEXEC}, {@code POSIX_FADV_DONTNEED}, {@code F_SETPIPE_SZ}, {@code _SC_PAGESIZE},
 * {@code _SC_CLK_TCK}) were checked against glibc's headers; elsewhere (for example s390x, where
 * {@code POSIX_FADV_DONTNEED} is 6, or macOS) {@link #isSupported()} is false and {@link #get()}
 * throws {@link UnsupportedOperationException}. The JVM needs {@code --enable-native-access=ALL-UNNAMED}.
 *
 * <p>The methods return what C returns; callers turn an error number into an exception with
 * {@link #fileError}.
 */
public final class Libc {

    /** {@code posix_fadvise} advice "the data will not be accessed in the near future" (Linux generic ABI). */
    public static final int POSIX_FADV_DONTNEED = 4;
    /** {@code open(2)} flags. */
    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000; // 02000000 octal
    /** {@code fcntl(2)} commands for a pipe's capacity (man 7 pipe). */
    public static final int F_SETPIPE_SZ = 1031;
    public static final int F_GETPIPE_SZ = 1032;
    /** {@code sysconf} names (glibc's enum values, same on x86_64 and aarch64). */
    private static final int SC_PAGESIZE = 30;
    private static final int SC_CLK_TCK = 2;
    /** Errno values that map to the JDK's more specific exceptions (identical on all Linux ABIs). */
    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EACCES = 13;

    /** Layout of the thread state captured right after a call; we only read {@code errno}. */
    public static final StructLayout CALL_STATE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** The JDK encodes file names with this charset on Unix; C paths must use the same bytes. */
    public static final Charset PATH_CHARSET = pathCharset();

    /** The bound functions, or null when unsupported. */
    private static final Libc INSTANCE;
    /** Why this platform is unsupported, or null when supported. */
    private static final String UNSUPPORTED_REASON;

    static {
        Libc libc = null;
        String reason = unsupportedPlatformReason();
        if (reason == null) {
            try {
                libc = bind();
            } catch (IllegalCallerException e) {
                reason = "native access is disabled for this module (run the JVM with "
                        + "--enable-native-access=ALL-UNNAMED): " + e.getMessage();
            } catch (RuntimeException e) {
                reason = "libc could not be bound: " + e.getMessage();
            }
        }
        INSTANCE = libc;
        UNSUPPORTED_REASON = reason;
    }

    /** Whether libc is bound here: Linux on x86_64 or aarch64, its symbols found, and native access allowed. */
    public static boolean isSupported() {
        return UNSUPPORTED_REASON == null;
    }

    /**
     * The bound functions.
     *
     * @throws UnsupportedOperationException naming the reason, where {@link #isSupported()} is false
     */
    public static Libc get() {
        if (UNSUPPORTED_REASON != null) {
            throw new UnsupportedOperationException("libc is not available: " + UNSUPPORTED_REASON);
        }
        return INSTANCE;
    }

    /** Null when this OS/architecture is one whose constants are known, else the reason it is not. */
    private static String unsupportedPlatformReason() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return "needs Linux, this is " + os;
        }
        if (!(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
            return "needs x86_64 or aarch64 (libc constants are only known for those), this is " + arch;
        }
        return null;
    }

    /** An exception naming the file, the failed call and the error, as specific as the errno allows. */
    public FileSystemException fileError(Path file, String call, int errno) {
        String reason = call + " failed: " + describe(errno) + " (errno " + errno + ")";
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(file.toString(), null, reason);
            case EACCES, EPERM -> new AccessDeniedException(file.toString(), null, reason);
            default -> new FileSystemException(file.toString(), null, reason);
        };
    }

    private final MethodHandle open;
    private final MethodHandle close;
    private final MethodHandle fdatasync;
    private final MethodHandle posixFadvise;
    private final MethodHandle mincore;
    private final MethodHandle strerror;
    private final MethodHandle fcntl;
    private final long pageSize;
    private final long clockTicks;

    private Libc(MethodHandle open, MethodHandle close, MethodHandle fdatasync, MethodHandle posixFadvise,
                 MethodHandle mincore, MethodHandle fcntl, MethodHandle strerror, long pageSize, long clockTicks) {
        this.open = open;
        this.close = close;
        this.fdatasync = fdatasync;
        this.posixFadvise = posixFadvise;
        this.mincore = mincore;
        this.fcntl = fcntl;
        this.strerror = strerror;
        this.pageSize = pageSize;
        this.clockTicks = clockTicks;
    }

    /**
     * Looks up and binds the functions.
     *
     * @throws IllegalCallerException   if native access is denied to this module
     * @throws IllegalArgumentException if a symbol is missing or sysconf fails
     */
    @SuppressWarnings("restricted") // every JVM of ours runs with --enable-native-access
    private static Libc bind() {
        Linker linker = Linker.nativeLinker();
        SymbolLookup libc = linker.defaultLookup();
        Linker.Option captureErrno = Linker.Option.captureCallState("errno");
        ValueLayout cInt = ValueLayout.JAVA_INT;
        ValueLayout cLong = ValueLayout.JAVA_LONG; // off_t, size_t and long are 64-bit on LP64 Linux
        ValueLayout pointer = ValueLayout.ADDRESS;

        // int open(const char *path, int flags, ... /* mode_t mode */): variadic, so say where "..." starts
        // and pass a mode (ignored without O_CREAT) to call it exactly as C would.
        MethodHandle open = linker.downcallHandle(find(libc, "open"),
                FunctionDescriptor.of(cInt, pointer, cInt, cInt),
                Linker.Option.firstVariadicArg(2), captureErrno);
        MethodHandle close = linker.downcallHandle(find(libc, "close"),
                FunctionDescriptor.of(cInt, cInt), captureErrno);
        MethodHandle fdatasync = linker.downcallHandle(find(libc, "fdatasync"),
                FunctionDescriptor.of(cInt, cInt), captureErrno);
        // int posix_fadvise(int fd, off_t offset, off_t len, int advice): returns the error number.
        MethodHandle posixFadvise = linker.downcallHandle(find(libc, "posix_fadvise"),
                FunctionDescriptor.of(cInt, cInt, cLong, cLong, cInt));
        // int mincore(void *addr, size_t length, unsigned char *vec)
        MethodHandle mincore = linker.downcallHandle(find(libc, "mincore"),
                FunctionDescriptor.of(cInt, pointer, cLong, pointer), captureErrno);
        // int fcntl(int fd, int cmd, ... /* int arg */): variadic like open.
        MethodHandle fcntl = linker.downcallHandle(find(libc, "fcntl"),
                FunctionDescriptor.of(cInt, cInt, cInt, cInt), Linker.Option.firstVariadicArg(2));
        // char *strerror(int errnum): only for messages, so optional.
        MethodHandle strerror = libc.find("strerror")
                .map(address -> linker.downcallHandle(address, FunctionDescriptor.of(pointer, cInt)))
                .orElse(null);
        MethodHandle sysconf = linker.downcallHandle(find(libc, "sysconf"),
                FunctionDescriptor.of(cLong, cInt));

        long pageSize;
        long clockTicks;
        try {
            pageSize = (long) sysconf.invokeExact(SC_PAGESIZE);
            clockTicks = (long) sysconf.invokeExact(SC_CLK_TCK);
        } catch (Throwable t) {
            throw unexpected("sysconf", t);
        }
        // No 4096 fallback: a wrong page size would silently skew every residency figure.
        if (pageSize <= 0 || Long.bitCount(pageSize) != 1) {
            throw new IllegalArgumentException("sysconf(_SC_PAGESIZE) returned " + pageSize);
        }
        if (clockTicks <= 0) {
            throw new IllegalArgumentException("sysconf(_SC_CLK_TCK) returned " + clockTicks);
        }
        return new Libc(open, close, fdatasync, posixFadvise, mincore, fcntl, strerror, pageSize, clockTicks);
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name)
                .orElseThrow(() -> new IllegalArgumentException("libc symbol not found: " + name));
    }

    public int open(MemorySegment callState, MemorySegment path, int flags) {
        try {
            return (int) open.invokeExact(callState, path, flags, 0);
        } catch (Throwable t) {
            throw unexpected("open", t);
        }
    }

    public int close(MemorySegment callState, int fd) {
        try {
            return (int) close.invokeExact(callState, fd);
        } catch (Throwable t) {
            throw unexpected("close", t);
        }
    }

    public int fdatasync(MemorySegment callState, int fd) {
        try {
            return (int) fdatasync.invokeExact(callState, fd);
        } catch (Throwable t) {
            throw unexpected("fdatasync", t);
        }
    }

    public int posixFadvise(int fd, long offset, long length, int advice) {
        try {
            return (int) posixFadvise.invokeExact(fd, offset, length, advice);
        } catch (Throwable t) {
            throw unexpected("posix_fadvise", t);
        }
    }

    public int mincore(MemorySegment callState, MemorySegment range, long length, MemorySegment pageStatus) {
        try {
            return (int) mincore.invokeExact(callState, range, length, pageStatus);
        } catch (Throwable t) {
            throw unexpected("mincore", t);
        }
    }

    /** {@code fcntl(fd, command, argument)}; -1 on failure. */
    public int fcntl(int fd, int command, int argument) {
        try {
            return (int) fcntl.invokeExact(fd, command, argument);
        } catch (Throwable t) {
            throw unexpected("fcntl", t);
        }
    }

    /** The kernel's page size, from {@code sysconf(_SC_PAGESIZE)}; not assumed to be 4096 (aarch64 may use 16 or 64 KiB). */
    public long pageSize() {
        return pageSize;
    }

    /** The clock tick for user space ({@code USER_HZ}, {@code sysconf(_SC_CLK_TCK)}): the unit of {@code /proc/stat}'s CPU times. */
    public long clockTicksPerSecond() {
        return clockTicks;
    }

    public int errno(MemorySegment callState) {
        return (int) ERRNO.get(callState, 0L);
    }

    /** strerror's text for the error, or "unknown error" when strerror is unavailable. */
    public String describe(int errno) {
        if (strerror != null) {
            try {
                MemorySegment text = (MemorySegment) strerror.invokeExact(errno);
                if (!text.equals(MemorySegment.NULL)) {
                    // strerror returns a NUL-terminated string of unknown length; 1 KiB is ample.
                    return text.reinterpret(1024).getString(0);
                }
            } catch (Throwable ignored) {
                // fall through to the plain number
            }
        }
        return "unknown error";
    }

    private static Charset pathCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** A native call that cannot throw did: report it as a bug rather than an I/O condition. */
    private static IllegalStateException unexpected(String call, Throwable t) {
        if (t instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("unexpected failure calling " + call, t);
    }
}
