/**
 * Page-cache control for cold/warm benchmark runs: drop a file's pages from the Linux page cache
 * ({@link dictbench.cache.PageCache#evict}) and measure how much of it is cached
 * ({@link dictbench.cache.PageCache#residency}), without root and without {@code drop_caches}.
 *
 * <p>The libc calls ({@code open}, {@code fdatasync}, {@code posix_fadvise}, {@code mincore}) come from
 * {@code dictbench.os.Libc}; where libc is not bound, {@link dictbench.cache.PageCache#isSupported()} is false.
 *
 * <p>May import {@code os} only.
 */
package dictbench.cache;
