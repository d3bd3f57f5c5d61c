package dictbench.load;

import static dictbench.load.SubprocessTestSupport.assertNoChildProcesses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dictbench.dataset.BinaryFormat;
import dictbench.dataset.Format;
import dictbench.dataset.Manifest;
import dictbench.load.SubprocessStrategy.Mode;
import dictbench.load.subprocess.PipeCapacity;
import dictbench.load.subprocess.Worker;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubprocessStrategyTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final long MB = 1L << 20;

    @TempDir
    static Path dir;
    static Manifest binary;
    static Manifest serial;

    @BeforeAll
    static void generate() throws IOException {
        binary = SubprocessTestSupport.dataset(dir.resolve("binary"), "binary", 4, 2_000);
        serial = SubprocessTestSupport.dataset(dir.resolve("serial"), "java-serial", 4, 2_000);
    }

    private static Manifest manifest(String format) {
        return format.equals("binary") ? binary : serial;
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "java-serial"})
    void spawnLoadsEveryFileWithTwoChildrenAtATime(String format) throws Exception {
        Manifest m = manifest(format);
        LoadResult result;
        try (SubprocessStrategy s = SubprocessStrategy.of(Mode.SPAWN, 2, TIMEOUT)) {
            s.start(0); // a no-op in SPAWN mode
            result = s.load(m.paths(), Format.named(format));
        }
        result.validate(m);
        assertEquals(2, result.maxFilesInFlight(), "two lanes overlap, and no more than two children run at once");
        assertPlausibleCosts(result, m, true);
        assertNoChildProcesses();
    }

    @Test
    void poolServesConsecutiveLoadsWithTheSameWorkers() throws Exception {
        long largest = Math.max(maxFileBytes(binary), maxFileBytes(serial));
        try (PoolStrategy s = new PoolStrategy(2, TIMEOUT)) {
            assertEquals(0, s.poolStartNanos(), "not started yet");
            s.start(largest);
            assertTrue(s.poolStartNanos() > 0);
            List<Long> pids = s.workerPids();
            assertEquals(2, pids.size());

            LoadResult first = s.load(binary.paths(), new BinaryFormat());
            LoadResult second = s.load(serial.paths(), Format.named("java-serial"));

            assertEquals(pids, s.workerPids(), "the same workers served both loads");
            assertEquals(Set.copyOf(pids), ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet()),
                    "the workers are this JVM's only children: no load started others");
            pids.forEach(pid -> assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "worker " + pid + " alive"));
            first.validate(binary);
            second.validate(serial);
            assertPlausibleCosts(first, binary, false);
            assertPlausibleCosts(second, serial, false);

            Path big = dir.resolve("big.dict");
            Files.write(big, new byte[(int) largest + 1]);
            IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class, () -> s.load(List.of(big), new BinaryFormat()));
            assertTrue(tooBig.getMessage().contains("start()"), tooBig.getMessage());
        }
        assertNoChildProcesses();
    }

    @Test
    void workersShipAsciiAndOtherStringsExactly() throws Exception {
        // the child copies the chars of a file whose strings are all ASCII and encodes any other
        Map<String, String> ascii = new HashMap<>();
        Map<String, String> mixed = new HashMap<>();
        for (int i = 0; i < 5_000; i++) {
            ascii.put("key-" + i, "value " + i + " ~" + (char) (i % 128));
            mixed.put("key-" + i, i == 4_321 ? "v\u00e4lue \u2713 \uD83D\uDE00 \u00ff \uFFFD" : "value " + i);
        }
        List<Map<String, String>> maps = List.of(ascii, mixed);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            Path f = dir.resolve("ascii-" + i + ".dict");
            try (OutputStream out = Files.newOutputStream(f)) {
                new BinaryFormat().write(maps.get(i), out);
            }
            files.add(f);
        }
        try (SubprocessStrategy s = SubprocessStrategy.of(Mode.POOL, 1, TIMEOUT)) {
            s.start(Math.max(Files.size(files.get(0)), Files.size(files.get(1))));
            assertEquals(maps, s.load(files, new BinaryFormat()).maps());
        }
        assertNoChildProcesses();
    }

    @Test
    void poolWorkerGetsItsNextFileBeforeTheParentDecodesItsLast() throws Exception {
        LoadResult result;
        try (SubprocessStrategy s = SubprocessStrategy.of(Mode.POOL, 1, TIMEOUT)) {
            s.start(maxFileBytes(binary));
            result = s.load(binary.paths(), new BinaryFormat());
        }
        result.validate(binary);
        List<FileSpan> spans = result.spans();
        for (int i = 1; i < spans.size(); i++) {
            // one worker, so files go in order; file i is requested before file i-1's map is decoded
            assertTrue(spans.get(i).startNanos() < spans.get(i - 1).endNanos(),
                    "file " + i + " requested at " + spans.get(i).startNanos() + " ns, after file " + (i - 1)
                            + " was done at " + spans.get(i - 1).endNanos() + " ns: the worker sat idle while the parent decoded");
        }
        assertNoChildProcesses();
    }

    @Test
    void poolWorkersGrowTheirStdoutPipe() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
        // readAllLines, not readString: on JDK 25 readString returns only the first byte of this zero-sized /proc file
        assumeTrue(Long.parseLong(Files.readAllLines(Path.of("/proc/sys/fs/pipe-max-size")).get(0).trim()) >= PipeCapacity.WANTED_BYTES,
                "the system caps pipes below what workers ask for");
        try (PoolStrategy s = new PoolStrategy(1, TIMEOUT)) {
            s.start(maxFileBytes(binary));
            // the worker's stdout and our end of it are one pipe: find our descriptor for it and ask its capacity
            Path workerStdout = Files.readSymbolicLink(Path.of("/proc", Long.toString(s.workerPids().get(0)), "fd", "1"));
            int ours;
            try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
                ours = fds.filter(fd -> workerStdout.equals(readLinkOrNull(fd)))
                        .mapToInt(fd -> Integer.parseInt(fd.getFileName().toString())).findFirst().orElseThrow();
            }
            assertEquals(PipeCapacity.WANTED_BYTES, PipeCapacity.of(ours), "capacity of " + workerStdout);
            s.load(binary.paths(), new BinaryFormat()).validate(binary);
        }
    }

    private static Path readLinkOrNull(Path link) {
        try {
            return Files.readSymbolicLink(link);
        } catch (IOException e) { // a descriptor closed while we looked
            return null;
        }
    }

    private static long maxFileBytes(Manifest m) {
        return m.files().stream().mapToLong(Manifest.FileEntry::bytes).max().orElseThrow();
    }

    /** Every key, in order; every time positive; the payload about as big as binary files of the same maps. */
    private static void assertPlausibleCosts(LoadResult result, Manifest m, boolean spawned) {
        SubprocessCosts costs = result.subprocessCosts().orElseThrow();
        for (long work : new long[] {costs.childDecodeNanos(), costs.childEncodeNanos(), costs.transferNanos(), costs.parentDecodeNanos()}) {
            assertTrue(work > 0, costs.toString());
        }
        long start = costs.processStartNanos();
        assertTrue(spawned ? start > 0 : start == 0, "processStartNanos = " + start);
        long shipped = costs.bytesShipped();
        long minimum = m.totalEntries() * (2 + 8); // per entry two length varints and a key of at least 8 characters
        assertTrue(shipped > minimum && shipped < 8 * m.totalBytes(), "bytesShipped = " + shipped);
        if (m.format().equals("binary")) {
            // the same maps in the same format: only block boundaries (hence header sizes) may differ
            assertEquals(m.totalBytes(), shipped, m.totalBytes() / 20.0);
        }
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            // each child reports its own peak resident memory; a JVM holds tens of MB before it loads anything,
            // and the lanes' peaks add up (2 lanes here: at least two JVMs' worth)
            long children = costs.childPeakRssBytes();
            assertTrue(children > 2 * (20L << 20) && children < 8L << 30, "childPeakRssBytes = " + children);
        }
    }

    @Test
    void poolRefusesToLoadBeforeStart() throws IOException {
        try (SubprocessStrategy s = SubprocessStrategy.of(Mode.POOL, 1, TIMEOUT)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.load(binary.paths(), new BinaryFormat()));
            assertTrue(e.getMessage().contains("start("), e.getMessage());
        }
    }

    @Test
    void closedStrategyRefusesLoadsAndClosesTwice() throws IOException {
        SubprocessStrategy s = SubprocessStrategy.of(Mode.SPAWN, 1, TIMEOUT);
        s.close();
        s.close();
        assertThrows(IllegalStateException.class, () -> s.load(binary.paths(), new BinaryFormat()));
    }

    @Test
    void emptyLoadHasZeroCostsAndNoChildren() throws IOException {
        try (SubprocessStrategy s = SubprocessStrategy.of(Mode.SPAWN, 2, TIMEOUT)) {
            LoadResult r = s.load(List.of(), new BinaryFormat());
            assertEquals(0, r.maps().size());
            assertEquals(Optional.of(SubprocessCosts.ZERO), r.subprocessCosts());
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> SubprocessStrategy.of(Mode.SPAWN, 0, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> SubprocessStrategy.of(Mode.POOL, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> SubprocessStrategy.of(Mode.POOL, 1, Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> SubprocessStrategy.of(null, 1, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> SubprocessStrategy.childHeapBytes(-1));
    }

    @Test
    void childrenThatDoNotFitTheMachinesMemoryAreRefusedWithHowManyWould() {
        long gb = 1L << 30;
        // 100 MB files: children of 1600 MB heap + 128 MB beyond it, 1728 MB each, beside a 4 GB parent in 24 GB
        SubprocessStrategy.checkFits(11, 100 * MB, 4 * gb, 24 * gb); // 4 GB + 11 × 1728 MB = 22.6 GB: fits
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubprocessStrategy.checkFits(12, 100 * MB, 4 * gb, 24 * gb)); // 24.25 GB: does not
        assertTrue(e.getMessage().startsWith("12 child JVMs of 1.81 GB each (heap for a 105 MB file, and 128 MB beyond it)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("more than this machine's 25.8 GB of memory; use at most 11"), e.getMessage());
        SubprocessStrategy.checkFits(4096, 100 * MB, 4 * gb, 0); // memory unknown: not checked
    }

    @Test
    void childHeapIsSixteenTimesTheLargestFileRoundedUpToAMegabyteAndAtLeast256Megabytes() {
        assertEquals(256 * MB, SubprocessStrategy.childHeapBytes(0));
        assertEquals(256 * MB, SubprocessStrategy.childHeapBytes(16 * MB));
        assertEquals(272 * MB, SubprocessStrategy.childHeapBytes(17 * MB));
        assertEquals(1600 * MB, SubprocessStrategy.childHeapBytes(100 * MB));
        assertEquals(1601 * MB, SubprocessStrategy.childHeapBytes(100 * MB + 1));
    }

    @Test
    void childCommandIsThisJavaAndClassPathWithOnlyHeapNativeAccessAndVmOutputFlags() throws IOException {
        try (SubprocessStrategy s = SubprocessStrategy.of(Mode.SPAWN, 1, TIMEOUT)) {
            List<String> command = s.command(1200 * MB, "--spawn", "binary", "/data/x.dict");
            String java = ProcessHandle.current().info().command().orElseThrow();
            List<String> expected = new java.util.ArrayList<>(List.of(java, "-Xms1200m", "-Xmx1200m", "-Xmn720m"));
            expected.addAll(dictbench.os.JvmFlags.ACCESS);
            expected.addAll(List.of("-XX:+DisplayVMOutputToStderr", "-cp", System.getProperty("java.class.path"),
                    Worker.class.getName(), "--spawn", "binary", "/data/x.dict"));
            assertEquals(expected, command);
        }
    }
}
