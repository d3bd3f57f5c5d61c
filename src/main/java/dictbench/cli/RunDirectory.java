package dictbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dictbench.dataset.Manifest;
import dictbench.os.AtomicFiles;
import dictbench.report.Report;
import dictbench.report.SummaryTable;
import dictbench.results.Environment;
import dictbench.results.JmhResults;
import dictbench.run.RunLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's directory ({@link RunLayout}), written the one way {@code bench} and {@code ab} (and through
 * them {@code scripts/ci-perf} and {@code scripts/calibrate-gate}) all write it: the JMH JSON moved or
 * written into place atomically, {@code environment.json} beside it, {@code summary.md} (the headline
 * table) and the report. A reader never sees a half-written file.
 */
final class RunDirectory {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RunLayout layout;

    private RunDirectory(Path dir) {
        this.layout = new RunLayout(dir);
    }

    /** Creates {@code dir} if need be and checks it can be written. */
    static RunDirectory open(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(dir.toString(), null, "results directory is not writable; choose another with --out");
        }
        return new RunDirectory(dir);
    }

    RunLayout layout() {
        return layout;
    }

    Path dir() {
        return layout.dir();
    }

    /** Deletes the per-file timelines an earlier run left, so a reused directory shows only this run's. */
    void clearTimelines() throws IOException {
        Path timelines = layout.timelines();
        if (Files.isDirectory(timelines)) {
            try (var old = Files.newDirectoryStream(timelines, "*.json")) {
                for (Path p : old) {
                    Files.delete(p);
                }
            }
        }
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
     * Writes {@code environment.json}: this machine, the forks' JVM flags, and the datasets the run loaded
     * with their spec hashes and mounts (from their manifests).
     */
    void describe(List<String> forkJvmArgs, List<Manifest> manifests) throws IOException {
        describe(forkJvmArgs, Map.of(), manifests);
    }

    /** As {@link #describe(List, List)}, with the flags each heap profile of the run gave its forks on top of {@code forkJvmArgs}. */
    void describe(List<String> forkJvmArgs, Map<String, List<String>> heapProfiles, List<Manifest> manifests) throws IOException {
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
        Environment.capture(forkJvmArgs, heapProfiles, String.join(",", datasets), hashes, mounts).write(layout.environmentJson());
    }

    /** Writes {@code summary.md}, the headline table under {@code # title}; returns the table. */
    String summarise(String title) throws IOException {
        String table = SummaryTable.of(JmhResults.read(layout.jmhJson())).markdown();
        byte[] text = ("# " + title + "\n\n" + table).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(layout.summary(), out -> out.write(text));
        return table;
    }

    /** Writes the report (Markdown, CSV, HTML) from the run's JMH JSON and environment. */
    void report() throws IOException {
        Report.write(List.of(layout.dir()));
    }
}
