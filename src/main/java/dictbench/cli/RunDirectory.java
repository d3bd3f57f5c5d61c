package dictbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dictbench.dataset.Manifest;
import dictbench.os.AtomicFiles;
import dictbench.report.CPythonComparison;
import dictbench.report.Report;
import dictbench.report.SummaryTable;
import dictbench.report.Verdict;
import dictbench.results.BenchmarkResult;
import dictbench.results.Environment;
import dictbench.results.JmhResults;
import dictbench.results.Provenance;
import dictbench.results.Results;
import dictbench.run.RunLayout;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A run's directory ({@link RunLayout}), written the one way {@code bench} and {@code ab} (and through
 * them {@code scripts/ci-perf} and {@code scripts/calibrate-gate}) all write it: the JMH JSON moved or
 * written into place atomically, {@code environment.json} beside it, {@code summary.md} (the headline
 * table) and the report. A reader never sees a half-written file.
 */
final class RunDirectory implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Held while a run writes the directory: a second run on the same directory is refused, not mixed in. */
    static final String LOCK = ".dictbench.lock";

    private final RunLayout layout;
    private final boolean created;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** If this JVM is told to stop mid-run: JMH's forks are stopped (they would outlive it), then the run is abandoned. */
    private final Thread cleanup = Thread.ofPlatform().unstarted(() -> {
        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
        abandon();
    });
    private boolean finished;

    private RunDirectory(Path dir, boolean created, FileChannel lockChannel, FileLock lock) {
        this.layout = new RunLayout(dir);
        this.created = created;
        this.lockChannel = lockChannel;
        this.lock = lock;
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Creates {@code dir} if need be, checks it can be written and holds no earlier run, and locks it for
     * this run. Until {@link #close()} after a finished run, an interrupted or failed run removes what it
     * wrote: the JMH JSON parts, the timelines, and the directory itself if this run created it.
     *
     * @throws IOException naming the directory: not writable, locked by another run, or holding a run already
     */
    static RunDirectory open(Path dir) throws IOException {
        refuseNonDirectory(dir);
        boolean created = !Files.exists(dir);
        Files.createDirectories(dir);
        try {
            if (!Files.isWritable(dir)) {
                throw new AccessDeniedException(dir.toString(), null, "results directory is not writable; choose another with --out");
            }
            RunLayout layout = new RunLayout(dir);
            FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IOException(dir + ": another dictbench run is writing this directory; wait for it or choose another --out");
            }
            if (Files.exists(layout.jmhJson())) {
                release(channel, lock, dir);
                throw new FileAlreadyExistsException(dir.toString(), null, "already holds a run (" + RunLayout.JMH_JSON
                        + "); choose a new --out, or delete the directory to run again");
            }
            return new RunDirectory(dir, created, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (created) {
                deleteIfEmpty(dir);
            }
            throw e;
        }
    }

    /** Refuses a path that exists and is not a directory: a command checks its {@code --out} so before any long work. */
    static void refuseNonDirectory(Path dir) throws FileAlreadyExistsException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "exists and is not a directory; choose another --out");
        }
    }

    /** Marks the run finished and unlocks the directory; before that, closing abandons the run (see {@link #open}). */
    void finish() {
        finished = true;
    }

    @Override
    public void close() throws IOException {
        if (finished) {
            deleteWorkerLogs();
        } else {
            abandon(); // it removes the worker logs too
        }
        unlock();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void unlock() throws IOException {
        if (lockChannel.isOpen()) {
            release(lockChannel, lock, layout.dir());
        }
    }

    /** Releases a run's lock on {@code dir} and removes its lock file. */
    private static void release(FileChannel channel, FileLock lock, Path dir) throws IOException {
        lock.release();
        channel.close();
        Files.deleteIfExists(dir.resolve(LOCK));
    }

    /** The children's stderr logs: a fork killed outright (SIGKILL) cannot remove its children's, so the run does. */
    private void deleteWorkerLogs() {
        try {
            deleteEntries(layout.workerLogs(), "*", true);
        } catch (IOException e) {
            // best effort, as the rest of the clean-up
        }
    }

    /** Deletes {@code dir}'s entries matching {@code glob} (not recursively), and {@code dir} itself if {@code andDir}; nothing if it is no directory. */
    private static void deleteEntries(Path dir, String glob, boolean andDir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var entries = Files.newDirectoryStream(dir, glob)) {
            for (Path p : entries) {
                Files.deleteIfExists(p);
            }
        }
        if (andDir) {
            Files.deleteIfExists(dir);
        }
    }

    /** What an interrupted or failed run leaves is removed: parts, timelines, worker logs, and the directory if this run made it. */
    private void abandon() {
        deleteWorkerLogs();
        try {
            deleteEntries(layout.dir(), "*.partial", false);
            deleteEntries(layout.timelines(), "*", true);
            unlock();
            if (created) {
                deleteIfEmpty(layout.dir());
            }
        } catch (IOException e) {
            // best effort: the run's own error is the one to report
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // leave it
        }
    }

    RunLayout layout() {
        return layout;
    }

    Path dir() {
        return layout.dir();
    }

    /** Deletes the per-file timelines an earlier run left, so a reused directory shows only this run's. */
    void clearTimelines() throws IOException {
        deleteEntries(layout.timelines(), "*.json", false);
    }

    /** Moves the JMH JSON a finished run wrote at {@link RunLayout#jmhJsonPartial()} to {@link RunLayout#jmhJson()}. */
    void publishJmhJson() throws IOException {
        Files.move(layout.jmhJsonPartial(), layout.jmhJson(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes {@code results} (a JMH JSON array, e.g. {@link JmhResults#merged}) as the run's JMH JSON. */
    void writeJmhJson(JsonNode results) throws IOException {
        AtomicFiles.write(layout.jmhJson(), out -> JSON.writeValue(out, results));
    }

    /**
     * Writes {@code environment.json}: this machine, the forks' JVM flags, the flags each heap profile of the run
     * gave its forks on top of them, the datasets the run loaded with their spec hashes and mounts (from their
     * manifests), and what made the run.
     */
    void describe(List<String> forkJvmArgs, Map<String, List<String>> heapProfiles, List<Manifest> manifests, Provenance run)
            throws IOException {
        List<String> datasets = manifests.stream().map(Manifest::dataset).distinct().toList();
        List<Map<String, Object>> mounts = new ArrayList<>();
        for (var m : manifests.stream().flatMap(each -> each.mounts().stream()).distinct().toList()) {
            Map<String, Object> mount = new LinkedHashMap<>();
            mount.put("directory", m.directory());
            mount.put("fileStore", m.fileStore());
            mount.put("type", m.type());
            mounts.add(mount);
        }
        String hashes = String.join(",", manifests.stream()
                .map(m -> (datasets.size() > 1 ? m.dataset() + ":" : "") + m.format() + "=" + m.specHash()).toList());
        Environment.capture(forkJvmArgs, heapProfiles, String.join(",", datasets), hashes, mounts).withRun(run).write(layout.environmentJson());
    }

    /**
     * Writes {@code summary.md}: under {@code # title}, the run's verdict ({@link Verdict}), then the headline table.
     * Returns what a terminal shows: the table, and the verdict, the last thing a run prints.
     */
    Summary summarise(String title) throws IOException {
        List<BenchmarkResult> results = JmhResults.read(layout.jmhJson());
        Verdict verdict = Verdict.of(results, OptionalInt.of(Runtime.getRuntime().availableProcessors()));
        // CPython's loads beside the JVM's, where the run has them: the verdict's last lines
        List<String> cpython = Files.isRegularFile(layout.pythonJson()) ? CPythonComparison.lines(Results.read(List.of(layout.dir()))) : List.of();
        String table = SummaryTable.of(results).markdown();
        String lines = cpython.stream().map(l -> "- " + l + "\n").collect(Collectors.joining());
        byte[] text = ("# " + title + "\n\n" + verdict.markdown() + lines + (lines.isEmpty() ? "" : "\n") + table).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(layout.summary(), out -> out.write(text));
        return new Summary(table, verdict.text() + cpython.stream().map(l -> "  " + l + "\n").collect(Collectors.joining()));
    }

    /** A run's headline table (Markdown) and verdict (plain text), as a terminal shows them. */
    record Summary(String table, String verdict) {
    }

    /** Writes the report (Markdown, CSV, HTML) from the run's JMH JSON and environment. */
    void report() throws IOException {
        Report.write(List.of(layout.dir()));
    }
}
