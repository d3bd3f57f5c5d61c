package dictbench.cache;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Drops files from, and inspects their presence in, the Linux page cache, so that a benchmark can start a
 * "cold" load from disk without root (no {@code echo 3 > /proc/sys/vm/drop_caches}) and can prove that it
 * did.
 *
 * <p>All methods are static and thread-safe. They call libc through the Foreign Function &amp; Memory API
 * (see the package documentation for the JVM flag this needs). Supported platforms are Linux on x86_64
 * and aarch64, the two for which the constants below ({@code O_CLOEXEC}, {@code POSIX_FADV_DONTNEED},
 * {@code _SC_PAGESIZE}, {@code _SC_CLK_TCK}) were checked against glibc's headers; elsewhere (for example s390x, where
 * {@code POSIX_FADV_DONTNEED} is 6, or macOS) {@link #isSupported()} is false and the other methods throw
 * {@link UnsupportedOperationException}.
 *
 * <p>Limits imposed by the kernel, not by this class:
 * <ul>
 *   <li>{@link #evict} cannot drop pages that some process currently has mapped ({@code mmap}), nor pages
 *       of a memory-backed file system (tmpfs, ramfs), whose page cache <em>is</em> the storage.</li>
 *   <li>{@link #residency} reports page-cache residency only for files the caller owns or may write to.
 *       For any other file, Linux 5.0+ deliberately reports only the pages mapped into the calling process
 *       (to close a cache side channel, see {@code man 2 mincore}, section "NOTES"), so the answer is an
 *       undercount, typically 0.</li>
 * </ul>
 */
public final class PageCache {

    /** {@code posix_fadvise} advice "the data will not be accessed in the near future" (Linux generic ABI). */
    private static final int POSIX_FADV_DONTNEED = 4;
    /** {@code open(2)} flags: read-only is enough for fdatasync and fadvise; close-on-exec for hygiene. */
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000; // 02000000 octal
    /** {@code sysconf} name for the page size (glibc's enum value, same on x86_64 and aarch64). */
    private static final int SC_PAGESIZE = 30;
    private static final int SC_CLK_TCK = 2;
    /** Errno values that map to the JDK's more specific exceptions (identical on all Linux ABIs). */
    private static final int EPERM = 1;
    private static final int ENOENT = 2;
    private static final int EACCES = 13;

    /**
     * How many pages one {@code mincore} call inspects at most: bounds the status vector to 1 MiB even for
     * files of hundreds of gigabytes (1 Mi pages of 4 KiB = 4 GiB of file per call).
     */
    private static final long MAX_PAGES_PER_MINCORE_CALL = 1L << 20;

    /** The bound libc functions, or null when unsupported. */
    private static final Libc LIBC;
    /** Why this platform is unsupported, or null when supported. */
    private static final String UNSUPPORTED_REASON;

    static {
        Libc libc = null;
        String reason = unsupportedPlatformReason();
        if (reason == null) {
            try {
                libc = Libc.bind();
            } catch (IllegalCallerException e) {
                reason = "native access is disabled for this module (run the JVM with "
                        + "--enable-native-access=ALL-UNNAMED): " + e.getMessage();
            } catch (RuntimeException e) {
                reason = "libc could not be bound: " + e.getMessage();
            }
        }
        LIBC = libc;
        UNSUPPORTED_REASON = reason;
    }

    private PageCache() {
    }

    /**
     * Whether {@link #evict}, {@link #evictAll}, {@link #residency} and {@link #pageSize} work here: Linux on
     * x86_64 or aarch64, libc's symbols found, and native access allowed.
     *
     * @return true when page-cache control is available
     */
    public static boolean isSupported() {
        return UNSUPPORTED_REASON == null;
    }

    /**
     * The kernel's page size, the unit of {@link Residency#pages()}, from {@code sysconf(_SC_PAGESIZE)}.
     * Not assumed to be 4096: aarch64 kernels may use 16 KiB or 64 KiB pages.
     *
     * @return the page size in bytes
     * @throws UnsupportedOperationException if {@link #isSupported()} is false
     */
    public static long pageSize() {
        return requireSupported().pageSize;
    }

    /**
     * The kernel's clock tick for user space ({@code USER_HZ}, from {@code sysconf(_SC_CLK_TCK)}, read
     * with the page size): the unit of the CPU times in {@code /proc/stat}. Here because this class
     * holds the libc bindings, not because the page cache uses it.
     *
     * @return ticks per second
     * @throws UnsupportedOperationException if {@link #isSupported()} is false
     */
    public static long clockTicksPerSecond() {
        return requireSupported().clockTicks;
    }

    /**
     * Drops the file's pages from the page cache, so that the next read of it comes from the storage device.
     *
     * <p>How: {@code open(O_RDONLY)}, {@code fdatasync}, then {@code posix_fadvise(fd, 0, 0,
     * POSIX_FADV_DONTNEED)} over the whole file, then {@code close}. The {@code fdatasync} comes first because
     * {@code DONTNEED} only starts write-back of dirty pages and drops the clean ones (man 2 posix_fadvise,
     * "NOTES"): a freshly written dataset would otherwise stay largely cached.
     *
     * <p>The advice is a request: pages mapped by any process, and files on tmpfs/ramfs, stay in memory.
     * Check with {@link #residency} when it matters.
     *
     * @param file the file to evict; symbolic links are followed
     * @throws NoSuchFileException   if the file does not exist (message names the file)
     * @throws AccessDeniedException if it cannot be opened for reading
     * @throws IOException           (a {@link FileSystemException} naming the file, the failed call and the
     *                               errno text) if fdatasync, posix_fadvise or close fails
     * @throws UnsupportedOperationException if {@link #isSupported()} is false
     */
    public static void evict(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Libc libc = requireSupported();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment callState = arena.allocate(Libc.CALL_STATE_LAYOUT);
            MemorySegment cPath = arena.allocateFrom(file.toString(), Libc.PATH_CHARSET);
            int fd = libc.open(callState, cPath, O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                throw fileError(file, "open", libc.errno(callState), libc);
            }
            IOException failure = null;
            try {
                if (libc.fdatasync(callState, fd) != 0) {
                    failure = fileError(file, "fdatasync", libc.errno(callState), libc);
                } else {
                    // posix_fadvise returns the error number instead of setting errno (man 2 posix_fadvise).
                    int error = libc.posixFadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
                    if (error != 0) {
                        failure = fileError(file, "posix_fadvise(POSIX_FADV_DONTNEED)", error, libc);
                    }
                }
            } finally {
                if (libc.close(callState, fd) != 0) {
                    IOException closeFailure = fileError(file, "close", libc.errno(callState), libc);
                    if (failure == null) {
                        failure = closeFailure;
                    } else {
                        failure.addSuppressed(closeFailure);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /**
     * {@link #evict Evicts} every file, for example all files of a dataset before a cold run. Tries every
     * file even when some fail, so that one bad path does not leave the rest cached.
     *
     * @param files the files to evict, in iteration order
     * @throws IOException the first failure, with the failures of later files attached as
     *                     {@linkplain Throwable#getSuppressed() suppressed} exceptions
     * @throws UnsupportedOperationException if {@link #isSupported()} is false
     */
    public static void evictAll(Collection<Path> files) throws IOException {
        Objects.requireNonNull(files, "files");
        requireSupported();
        IOException firstFailure = null;
        for (Path file : files) {
            try {
                evict(file);
            } catch (IOException e) {
                if (firstFailure == null) {
                    firstFailure = e;
                } else {
                    firstFailure.addSuppressed(e);
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    /**
     * Counts how many of the file's pages are in the page cache, without reading the file (and so without
     * changing the answer).
     *
     * <p>How: map the file read-only ({@link FileChannel#map(FileChannel.MapMode, long, long, Arena)}, which
     * does not fault pages in), ask {@code mincore(2)} for the status of each page of the mapping, and count
     * the entries whose least significant bit is set ("resident", man 2 mincore). Files larger than 2 GiB
     * are fine; the status vector is filled in slices of at most 4 GiB of file. The mapping is removed
     * before returning.
     *
     * <p>The answer is a snapshot: the kernel may evict or read ahead at any time. See the class
     * documentation for files the caller neither owns nor may write to.
     *
     * @param file the file to inspect; symbolic links are followed
     * @return the page count and resident page count; {@code Residency(0, 0)} for an empty file
     * @throws NoSuchFileException if the file does not exist
     * @throws IOException         if it cannot be opened or mapped, or {@code mincore} fails
     *                             (a {@link FileSystemException} naming the file and the errno text)
     * @throws UnsupportedOperationException if {@link #isSupported()} is false
     */
    public static Residency residency(Path file) throws IOException {
        return residency(file, 0, Long.MAX_VALUE);
    }

    /**
     * As {@link #residency(Path)}, for the pages holding bytes {@code [offset, offset + length)} of
     * the file (cut at its end): a check of a few pages costs a few pages' worth, where a whole file
     * costs a page-cache lookup for every page.
     *
     * @throws IllegalArgumentException if {@code offset} or {@code length} is negative
     */
    public static Residency residency(Path file, long offset, long length) throws IOException {
        Objects.requireNonNull(file, "file");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must be >= 0, got " + offset + ", " + length);
        }
        Libc libc = requireSupported();
        long pageSize = libc.pageSize;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             Arena arena = Arena.ofConfined()) { // closed first: unmaps before the channel closes
            long size = channel.size();
            long start = Math.min(offset, size);
            long from = start / pageSize * pageSize; // a mapping starts on a page
            long to = start + Math.min(length, size - start);
            if (to <= from) {
                return new Residency(0, 0); // mapping zero bytes is meaningless; there is nothing to count
            }
            MemorySegment mapping = channel.map(FileChannel.MapMode.READ_ONLY, from, to - from, arena);
            if (mapping.address() % pageSize != 0) {
                // mincore requires a page-aligned start; a mapping at a page-aligned file offset always is one.
                throw new IllegalStateException("mapping of " + file + " is not page-aligned: 0x"
                        + Long.toHexString(mapping.address()));
            }
            long pages = Math.ceilDiv(to - from, pageSize);
            long pagesPerCall = Math.min(pages, MAX_PAGES_PER_MINCORE_CALL);
            MemorySegment pageStatus = arena.allocate(pagesPerCall);
            MemorySegment callState = arena.allocate(Libc.CALL_STATE_LAYOUT);
            long residentPages = 0;
            for (long firstPage = 0; firstPage < pages; firstPage += pagesPerCall) {
                long pageCount = Math.min(pagesPerCall, pages - firstPage);
                long at = firstPage * pageSize;
                long bytes = Math.min(pageCount * pageSize, to - from - at);
                if (libc.mincore(callState, mapping.asSlice(at, bytes), bytes, pageStatus) != 0) {
                    throw fileError(file, "mincore", libc.errno(callState), libc);
                }
                for (long page = 0; page < pageCount; page++) {
                    if ((pageStatus.get(ValueLayout.JAVA_BYTE, page) & 1) != 0) {
                        residentPages++;
                    }
                }
            }
            return new Residency(pages, residentPages);
        }
    }

    private static Libc requireSupported() {
        if (UNSUPPORTED_REASON != null) {
            throw new UnsupportedOperationException("page-cache control is not available: " + UNSUPPORTED_REASON);
        }
        return LIBC;
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
    private static FileSystemException fileError(Path file, String call, int errno, Libc libc) {
        String reason = call + " failed: " + libc.describe(errno) + " (errno " + errno + ")";
        return switch (errno) {
            case ENOENT -> new NoSuchFileException(file.toString(), null, reason);
            case EACCES, EPERM -> new AccessDeniedException(file.toString(), null, reason);
            default -> new FileSystemException(file.toString(), null, reason);
        };
    }

    /** Downcall handles to the libc functions used above, and the page size read once at start-up. */
    private static final class Libc {

        /** Layout of the thread state captured right after a call; we only read {@code errno}. */
        static final StructLayout CALL_STATE_LAYOUT = Linker.Option.captureStateLayout();
        private static final VarHandle ERRNO =
                CALL_STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

        /** The JDK encodes file names with this charset on Unix; C paths must use the same bytes. */
        static final Charset PATH_CHARSET = pathCharset();

        private final MethodHandle open;
        private final MethodHandle close;
        private final MethodHandle fdatasync;
        private final MethodHandle posixFadvise;
        private final MethodHandle mincore;
        private final MethodHandle strerror;
        final long pageSize;
        final long clockTicks;

        private Libc(MethodHandle open, MethodHandle close, MethodHandle fdatasync, MethodHandle posixFadvise,
                     MethodHandle mincore, MethodHandle strerror, long pageSize, long clockTicks) {
            this.open = open;
            this.close = close;
            this.fdatasync = fdatasync;
            this.posixFadvise = posixFadvise;
            this.mincore = mincore;
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
        static Libc bind() {
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
            return new Libc(open, close, fdatasync, posixFadvise, mincore, strerror, pageSize, clockTicks);
        }

        private static MemorySegment find(SymbolLookup lookup, String name) {
            return lookup.find(name)
                    .orElseThrow(() -> new IllegalArgumentException("libc symbol not found: " + name));
        }

        int open(MemorySegment callState, MemorySegment path, int flags) {
            try {
                return (int) open.invokeExact(callState, path, flags, 0);
            } catch (Throwable t) {
                throw unexpected("open", t);
            }
        }

        int close(MemorySegment callState, int fd) {
            try {
                return (int) close.invokeExact(callState, fd);
            } catch (Throwable t) {
                throw unexpected("close", t);
            }
        }

        int fdatasync(MemorySegment callState, int fd) {
            try {
                return (int) fdatasync.invokeExact(callState, fd);
            } catch (Throwable t) {
                throw unexpected("fdatasync", t);
            }
        }

        int posixFadvise(int fd, long offset, long length, int advice) {
            try {
                return (int) posixFadvise.invokeExact(fd, offset, length, advice);
            } catch (Throwable t) {
                throw unexpected("posix_fadvise", t);
            }
        }

        int mincore(MemorySegment callState, MemorySegment range, long length, MemorySegment pageStatus) {
            try {
                return (int) mincore.invokeExact(callState, range, length, pageStatus);
            } catch (Throwable t) {
                throw unexpected("mincore", t);
            }
        }

        int errno(MemorySegment callState) {
            return (int) ERRNO.get(callState, 0L);
        }

        /** strerror's text for the error, or "unknown error" when strerror is unavailable. */
        String describe(int errno) {
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
}
