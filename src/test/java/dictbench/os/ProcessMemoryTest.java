package dictbench.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void parsesTheStatusFieldsInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9999 kB\nVmHWM:\t  204800 kB\nVmRSS:\t 100 kB\nRssAnon:\t  150000 kB\nRssFile:\t   30000 kB\n";
        assertEquals(Optional.of(new ProcessMemory(204800L * 1024, 150000L * 1024, 30000L * 1024)), ProcessMemory.parse(status));
        assertTrue(ProcessMemory.parse("VmHWM:\t1 kB\n").isEmpty(), "a missing field is not a zero");
        assertTrue(ProcessMemory.parse("VmHWM:\tlots kB\nRssAnon:\t1 kB\nRssFile:\t1 kB\n").isEmpty());
    }

    @Test
    void thePeakSeesMemoryTouchedSinceItsReset() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux's /proc");
        assumeTrue(ProcessMemory.resetPeak(), "needs a writable /proc/self/clear_refs");
        long before = ProcessMemory.now().orElseThrow().peakBytes();
        ByteBuffer touched = ByteBuffer.allocateDirect(96 << 20);
        for (int i = 0; i < touched.capacity(); i += 4096) {
            touched.put(i, (byte) 1);
        }
        ProcessMemory after = ProcessMemory.now().orElseThrow();
        assertTrue(after.peakBytes() >= before + (80L << 20), "96 MB touched: peak " + before + " -> " + after.peakBytes());
        assertTrue(after.anonymousBytes() >= 80L << 20, "the touched pages are anonymous: " + after);
        assertEquals(1, touched.get(4096));
    }
}
