package dictbench.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LibcTest {

    @BeforeAll
    static void onLinux() {
        assumeTrue(Libc.isSupported(), "libc is not bound here");
    }

    @Test
    void clockTickIsLinuxsUserHz() {
        // USER_HZ is part of Linux's user-space ABI: 100 on x86_64 and aarch64, whatever the kernel's own HZ
        assertEquals(100, Libc.get().clockTicksPerSecond());
    }

    @Test
    void pageSizeIsAPowerOfTwo() {
        long pageSize = Libc.get().pageSize();
        assertTrue(pageSize >= 4096 && Long.bitCount(pageSize) == 1, "page size " + pageSize);
    }

    @Test
    void fcntlOnAClosedDescriptorFails() {
        assertEquals(-1, Libc.get().fcntl(-1, Libc.F_GETPIPE_SZ, 0));
    }

    @Test
    void errnoBecomesTheJdksOwnException() {
        Path file = Path.of("/no/such/file");
        assertInstanceOf(NoSuchFileException.class, Libc.get().fileError(file, "open", 2));
        assertInstanceOf(AccessDeniedException.class, Libc.get().fileError(file, "open", 13));
        assertTrue(Libc.get().fileError(file, "open", 2).getMessage().contains("No such file"));
    }
}
