package dictbench.cache;

import dictbench.os.EachOf;
import dictbench.os.Libc;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Objects;

/**
 * Drops files from, and inspects their presence in, the Linux page cache, so that a benchmark can start a
 * "cold" load from disk without root (no {@code echo 3 > /proc/sys/vm/drop_caches}) and can prove that it
 * did.
 *
 * <p>All methods are static and thread-safe. They call libc through the Foreign Function &amp; Memory API
 * ({@link dictbench.os.Libc}); where libc is not bound (not Linux on x86_64 or aarch64, or no native
 * access) {@link #isSupported()} is false and the other methods throw {@link UnsupportedOperationException}.
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

    /**
     * How many pages one {@code mincore} call inspects at most: bounds the status vector to 1 MiB even for
     * files of hundreds of gigabytes (1 Mi pages of 4 KiB = 4 GiB of file per call).
     */
    private static final long MAX_PAGES_PER_MINCORE_CALL = 1L << 20;

    private PageCache() {
    }

    /**
     * Whether {@link #evict}, {@link #evictAll}, {@link #residency} and {@link #pageSize} work here: Linux on
     * x86_64 or aarch64, libc's symbols found, and native access allowed.
     *
     * @return true when page-cache control is available
     */
    public static boolean isSupported() {
        return Libc.isSupported();
    }

    /**
     * The kernel's page size, the unit of {@link Residency#pages()}, from {@code sysconf(_SC_PAGESIZE)}.
     * Not assumed to be 4096: aarch64 kernels may use 16 KiB or 64 KiB pages.
     *
     * @return the page size in bytes
     * @throws UnsupportedOperationException if {@link #isSupported()} is false
     */
    public static long pageSize() {
        return requireSupported().pageSize();
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
            int fd = libc.open(callState, cPath, Libc.O_RDONLY | Libc.O_CLOEXEC);
            if (fd < 0) {
                throw libc.fileError(file, "open", libc.errno(callState));
            }
            IOException failure = null;
            try {
                if (libc.fdatasync(callState, fd) != 0) {
                    failure = libc.fileError(file, "fdatasync", libc.errno(callState));
                } else {
                    // posix_fadvise returns the error number instead of setting errno (man 2 posix_fadvise).
                    int error = libc.posixFadvise(fd, 0, 0, Libc.POSIX_FADV_DONTNEED);
                    if (error != 0) {
                        failure = libc.fileError(file, "posix_fadvise(POSIX_FADV_DONTNEED)", error);
                    }
                }
            } finally {
                if (libc.close(callState, fd) != 0) {
                    IOException closeFailure = libc.fileError(file, "close", libc.errno(callState));
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
        EachOf.apply(files, PageCache::evict);
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
        long pageSize = libc.pageSize();
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
                    throw libc.fileError(file, "mincore", libc.errno(callState));
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
        try {
            return Libc.get();
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedOperationException("page-cache control is not available: " + e.getMessage(), e);
        }
    }

}
