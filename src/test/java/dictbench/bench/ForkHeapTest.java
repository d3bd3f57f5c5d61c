package dictbench.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.dataset.Manifest;
import dictbench.load.HeapBudget;
import dictbench.run.HeapProfile;
import dictbench.run.JvmState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkHeapTest {

    static Manifest manifest() {
        List<Manifest.FileEntry> list = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            list.add(new Manifest.FileEntry("/data/f" + i, 68_000_000, 1_000_000, "00000000", "0000000000000000"));
        }
        return new Manifest(Manifest.VERSION, "default", "hash", "binary", Map.of(), list, List.of());
    }

    static final List<String> G1 = List.of("G1 Young Generation", "G1 Concurrent GC", "G1 Old Generation");

    @Test
    void eachProfileHasItsFlags() {
        Manifest m = manifest();
        assertEquals(HeapBudget.jvmArgs(m), ForkHeap.flags(HeapProfile.SIZED, m));
        assertEquals(List.of(), ForkHeap.flags(HeapProfile.DEFAULT, m));
        assertEquals(List.of("-XX:+UseParallelGC", "-Xmx" + (HeapBudget.required(m) >> 20) + "m"), ForkHeap.flags(HeapProfile.PARALLEL, m));
        for (HeapProfile p : HeapProfile.collectors()) {
            assertTrue(ForkHeap.flags(p, m).stream().noneMatch(f -> f.startsWith("-Xmn")), p + ": no young-generation sizing");
        }
        assertTrue(ForkHeap.available(HeapProfile.G1) && ForkHeap.available(HeapProfile.SERIAL));
    }

    @Test
    void aForkMustBeTheJvmItsProfileClaims() {
        Manifest m = manifest();
        assertDoesNotThrow(() -> ForkHeap.verify(HeapProfile.DEFAULT, m, List.of("--enable-native-access=ALL-UNNAMED", "-Ddictbench.root=/x"), G1));
        IllegalStateException sizedDefault = assertThrows(IllegalStateException.class,
                () -> ForkHeap.verify(HeapProfile.DEFAULT, m, List.of("-Xms5888m", "-Xmx5888m", "-Xmn2560m"), G1));
        assertTrue(sizedDefault.getMessage().contains("heap=default claims the JVM's own heap sizing, but this fork was given "
                + "[-Xms5888m, -Xmx5888m, -Xmn2560m]"), sizedDefault.getMessage());
        assertThrows(IllegalStateException.class, () -> ForkHeap.verify(HeapProfile.DEFAULT, m, List.of("-XX:+UseSerialGC"), List.of("Copy")));

        assertDoesNotThrow(() -> ForkHeap.verify(HeapProfile.PARALLEL, m, List.of("-XX:+UseParallelGC"), List.of("PS Scavenge", "PS MarkSweep")));
        IllegalStateException notZ = assertThrows(IllegalStateException.class, () -> ForkHeap.verify(HeapProfile.ZGC, m, List.of(), G1));
        assertTrue(notZ.getMessage().contains("heap=zgc claims the Z collector, but this fork runs [G1 Young Generation")
                && notZ.getMessage().contains("-jvmArgsAppend \"-XX:+UseZGC -Xmx"), notZ.getMessage());
        assertDoesNotThrow(() -> ForkHeap.verify(HeapProfile.ZGC, m, List.of(), List.of("ZGC Minor Cycles", "ZGC Minor Pauses", "ZGC Major Cycles",
                "ZGC Major Pauses")));

        assertDoesNotThrow(() -> ForkHeap.verify(HeapProfile.SIZED, m, HeapBudget.jvmArgs(m), G1));
        assertThrows(IllegalStateException.class, () -> ForkHeap.verify(HeapProfile.SIZED, m, List.of("-Xmx5g"), G1), "no -Xmn");
        assertThrows(IllegalStateException.class, () -> ForkHeap.verify(HeapProfile.SIZED, m, HeapBudget.jvmArgs(m), List.of("PS Scavenge")));
    }

    @Test
    void aFirstLoadForkTimesExactlyOneShot() {
        assertDoesNotThrow(() -> ForkHeap.checkShot(JvmState.FIRST_LOAD, 0));
        IllegalStateException second = assertThrows(IllegalStateException.class, () -> ForkHeap.checkShot(JvmState.FIRST_LOAD, 1));
        assertTrue(second.getMessage().contains("run it with -wi 0 -i 1"), second.getMessage());
        assertDoesNotThrow(() -> ForkHeap.checkShot(JvmState.WARMED, 7));
    }
}
