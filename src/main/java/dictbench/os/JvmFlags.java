package dictbench.os;

import java.util.List;

/**
 * The flags every JVM of ours starts with, whatever it measures: they grant access (FFM for page-cache control; JMH's
 * use of {@code sun.misc.Unsafe}; lmdbjava's of {@code java.nio}'s internals) and change no code
 * path of a load. The forks, the subprocess children and the CLI get them; {@code scripts/lib/common.sh} and the pom's
 * {@code jvm.flags} spell them too, and {@code JvmFlagsTest} holds those to this list.
 */
public final class JvmFlags {
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    public static final String UNSAFE_MEMORY_ACCESS = "--sun-misc-unsafe-memory-access=allow";
    /** lmdbjava reads a direct buffer's address field and uses sun.nio.ch's buffer cleaner. */
    public static final String OPEN_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
    public static final String OPEN_NIO_CH = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";

    /** In the order the scripts give them. */
    public static final List<String> ACCESS = List.of(NATIVE_ACCESS, UNSAFE_MEMORY_ACCESS, OPEN_NIO, OPEN_NIO_CH);

    private JvmFlags() {
    }

    /** Whether {@code flag} only grants access (these, or any other module opening or export): not a flag that changes a result. */
    public static boolean grantsAccessOnly(String flag) {
        return ACCESS.contains(flag) || flag.startsWith("--add-opens") || flag.startsWith("--add-exports")
                || flag.startsWith("--enable-native-access");
    }
}
