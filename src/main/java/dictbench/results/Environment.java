package dictbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dictbench.run.RunLayout;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run happened, written beside its JMH JSON as {@code environment.json}: enough to tell
 * whether two runs are comparable (CPU, cores, memory, JDK, JVM flags, GC, kernel, filesystems,
 * dataset hash).
 *
 * @param gc the collector the forks ran with: named by a -XX:+Use*GC flag in {@code jvmArgs}, else
 *           the JVM's default here (read from this JVM's collector beans)
 * @param heapProfiles the heap profiles of the run ({@code heap} param) and the flags each gave its forks on top of
 *           {@code jvmArgs}; empty for a run without profiles (all sized, its flags in {@code jvmArgs})
 * @param run what made the run ({@link Provenance}: commit, jar, command line, suite, label, start and end); null in
 *           runs recorded before dictbench wrote it
 */
public record Environment(
        String timestamp,
        String host,
        String cpuModel,
        int cores,
        long memoryBytes,
        String os,
        String kernel,
        String jdk,
        String vm,
        List<String> jvmArgs,
        String gc,
        String dataset,
        String datasetHash,
        List<Map<String, Object>> mounts,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, List<String>> heapProfiles,
        @JsonInclude(JsonInclude.Include.NON_NULL) Provenance run) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    public Environment {
        jvmArgs = List.copyOf(jvmArgs);
        mounts = List.copyOf(mounts);
        Map<String, List<String>> profiles = new LinkedHashMap<>();
        if (heapProfiles != null) {
            heapProfiles.forEach((k, v) -> profiles.put(k, List.copyOf(v)));
        }
        heapProfiles = Collections.unmodifiableMap(profiles);
    }

    /** An environment of a run without heap profiles. */
    public Environment(String timestamp, String host, String cpuModel, int cores, long memoryBytes, String os, String kernel,
                       String jdk, String vm, List<String> jvmArgs, String gc, String dataset, String datasetHash,
                       List<Map<String, Object>> mounts) {
        this(timestamp, host, cpuModel, cores, memoryBytes, os, kernel, jdk, vm, jvmArgs, gc, dataset, datasetHash, mounts, Map.of(), null);
    }

    /** This environment, recording what made its run. */
    public Environment withRun(Provenance run) {
        return new Environment(timestamp, host, cpuModel, cores, memoryBytes, os, kernel, jdk, vm, jvmArgs, gc, dataset, datasetHash, mounts,
                heapProfiles, run);
    }

    /** The datasets the run loaded: {@code dataset} names several, comma-separated, when one run loaded several. */
    public List<String> datasets() {
        return List.of(dataset.split(","));
    }

    public static Environment capture(List<String> jvmArgs, String dataset, String datasetHash, List<Map<String, Object>> mounts) {
        return capture(jvmArgs, Map.of(), dataset, datasetHash, mounts);
    }

    /** This machine now, for forks given {@code jvmArgs} plus each heap profile's flags. */
    public static Environment capture(List<String> jvmArgs, Map<String, List<String>> heapProfiles, String dataset, String datasetHash,
                                      List<Map<String, Object>> mounts) {
        return new Environment(Instant.now().toString(), localHost(), readCpuModel(), Runtime.getRuntime().availableProcessors(),
                readMemoryBytes(), System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("os.version"),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                jvmArgs, gcOf(jvmArgs), dataset, datasetHash, mounts, heapProfiles, null);
    }

    public void write(Path file) throws IOException {
        dictbench.os.AtomicFiles.write(file, out -> JSON.writeValue(out, this));
    }

    /**
     * The environment described by the {@value RunLayout#ENVIRONMENT_JSON} beside a JMH JSON file, if there is one.
     *
     * @throws ResultsException if the file exists but is not an environment description
     */
    public static Optional<Environment> beside(Path jmhJson) throws IOException {
        Path file = fileBeside(jmhJson);
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ResultsException(file + " is not a regular file");
        }
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** Where the environment of a JMH JSON file is: {@value RunLayout#ENVIRONMENT_JSON} in the same directory. */
    public static Path fileBeside(Path jmhJson) {
        return jmhJson.toAbsolutePath().resolveSibling(RunLayout.ENVIRONMENT_JSON);
    }

    /**
     * Reads an environment, refusing one whose facts cannot be true (no cores, no CPU model, no JDK): the
     * report derives findings from them, so a wrong one would change a published finding silently.
     */
    public static Environment read(Path file) throws IOException {
        Environment e;
        try {
            e = JSON.readValue(file.toFile(), Environment.class);
        } catch (com.fasterxml.jackson.core.JacksonException ex) {
            throw new ResultsException(file + " is not a dictbench environment description (" + ex.getOriginalMessage() + ")");
        }
        if (e == null) {
            throw new ResultsException(file + " is empty; it should describe the run's machine (dictbench bench writes it)");
        }
        if (e.cores() < 1 || e.cores() > 1 << 16) {
            throw new ResultsException(file + ": cores is " + e.cores() + ", not a machine's core count; fix or delete the file");
        }
        if (e.memoryBytes() == 0 || e.memoryBytes() < -1) {
            throw new ResultsException(file + ": memoryBytes is " + e.memoryBytes() + " (-1 means unknown); fix or delete the file");
        }
        String missing = e.cpuModel() == null || e.cpuModel().isBlank() ? "cpuModel"
                : e.jdk() == null || e.jdk().isBlank() ? "jdk" : e.datasetHash() == null ? "datasetHash" : null;
        if (missing != null) {
            throw new ResultsException(file + ": " + missing + " is missing; fix or delete the file");
        }
        return e;
    }

    static String gcOf(List<String> jvmArgs) {
        for (String arg : jvmArgs) {
            if (arg.startsWith("-XX:+Use") && arg.endsWith("GC")) {
                return arg.substring("-XX:+Use".length());
            }
        }
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return "default (" + String.join(", ", names) + ")";
    }

    public static String localHost() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = Files.readString(Path.of("/etc/hostname")).strip();
            } catch (IOException e) {
                h = "unknown-host";
            }
        }
        return h;
    }

    static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static long readMemoryBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }
}
