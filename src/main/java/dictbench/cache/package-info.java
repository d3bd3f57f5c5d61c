/**
 * Page-cache control for cold/warm benchmark runs: drop a file's pages from the Linux page cache
 * ({@link dictbench.cache.PageCache#evict}) and measure how much of it is cached
 * ({@link dictbench.cache.PageCache#residency}), without root and without {@code drop_caches}.
 *
 * <p>Everything here talks to libc ({@code open}, {@code close}, {@code fdatasync}, {@code posix_fadvise},
 * {@code mincore}, {@code sysconf} for the page size and the clock tick) through the JDK's Foreign Function &amp; Memory API
 * ({@code java.lang.foreign}); the JVM therefore needs {@code --enable-native-access=ALL-UNNAMED}
 * (otherwise JDK 25 prints a warning, or refuses under {@code --illegal-native-access=deny}, in which case
 * {@link dictbench.cache.PageCache#isSupported()} is false).
 *
 * <p>This package depends only on the JDK: it imports nothing from the rest of dictbench, so it can be
 * tested, and reused, on its own.
 */
package dictbench.cache;
