/**
 * The operating system, in one place: every libc binding ({@link dictbench.os.Libc}: {@code open},
 * {@code close}, {@code fdatasync}, {@code posix_fadvise}, {@code mincore}, {@code fcntl}, {@code sysconf})
 * and the {@code /proc} readers ({@link dictbench.os.MachineCpu}), and the one way dictbench writes a file
 * ({@link dictbench.os.AtomicFiles}: a temporary name, then a rename, so no reader sees half a file). The
 * rest of dictbench calls these instead of binding, parsing or writing anything itself.
 *
 * <p>May import nothing of dictbench: only the JDK.
 */
package dictbench.os;
