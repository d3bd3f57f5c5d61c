package dictbench.run;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every per-shot counter a benchmark records (a JMH aux counter: a secondary metric in the JSON), with
 * the name the JSON carries and its unit. The {@code @AuxCounters} classes name their fields after
 * these, and {@code CounterCatalogueTest} fails when a field and an entry part.
 */
public enum Counter {
    /** Percent of the dataset's pages in the page cache when the shot began (cold shots: ~0). */
    RESIDENT_PERCENT("residentPercent", "%", Group.SHOT),
    /** Dataset bytes the shot read, in MB (10^6). */
    MEGABYTES("megabytes", "MB", Group.SHOT),
    /** CPU the whole machine spent busy during the shot, all cores summed; -1 where not measured. */
    CPU_BUSY_MS("cpuBusyMs", "ms", Group.SHOT),
    /** CPU the hypervisor stole during the shot; -1 where not measured. */
    CPU_STEAL_MS("cpuStealMs", "ms", Group.SHOT),
    /** Largest number of files whose loads overlapped in time. */
    FILES_IN_FLIGHT("filesInFlight", "files", Group.LOAD),
    /**
     * When the first file's map was complete, from the load's start: what {@code imap_unordered} would hand over first.
     * CPython's runner records it under the same name.
     */
    FIRST_MAP_MS("firstMapMs", "ms", Group.LOAD),
    /** Time the JVM was paused for garbage collection during the shot (stop-the-world pauses; concurrent cycles not counted). */
    GC_PAUSE_MS("gcPauseMs", "ms", Group.MEMORY),
    /** Garbage-collection pauses during the shot. */
    GC_COUNT("gcCount", "pauses", Group.MEMORY),
    /** Heap the JVM's threads allocated during the shot, MB (10^6). */
    ALLOCATED_MB("allocatedMB", "MB", Group.MEMORY),
    /**
     * Heap the loaded maps hold: used heap after a full collection with the maps reachable, less after one without,
     * MB; measured after a fork's last measured shot, 0 in the JSON on its other shots.
     */
    RETAINED_MB("retainedMB", "MB", Group.MEMORY),
    /** Entries the shot loaded, where {@code retainedMB} was measured (0 elsewhere): retained bytes / entries is what one entry costs the heap. */
    ENTRIES("entries", "entries", Group.MEMORY),
    /** The fork's peak resident memory during the shot ({@code VmHWM}, reset before it), MB; -1 where not measured. */
    PEAK_RSS_MB("peakRssMB", "MB", Group.MEMORY),
    /** The fork's anonymous resident memory at the end of the shot (heap, stacks), MB; -1 where not measured. */
    RSS_ANON_MB("rssAnonMB", "MB", Group.MEMORY),
    /** The fork's file-backed resident memory at the end of the shot (mapped files, code), MB; -1 where not measured. */
    RSS_FILE_MB("rssFileMB", "MB", Group.MEMORY),
    PROCESS_START_MS("processStartMs", "ms", Group.SUBPROCESS),
    CHILD_DECODE_MS("childDecodeMs", "ms", Group.SUBPROCESS),
    CHILD_ENCODE_MS("childEncodeMs", "ms", Group.SUBPROCESS),
    TRANSFER_MS("transferMs", "ms", Group.SUBPROCESS),
    PARENT_DECODE_MS("parentDecodeMs", "ms", Group.SUBPROCESS),
    SHIPPED_MB("shippedMB", "MB", Group.SUBPROCESS),
    /** The pool's start, once before the trial: not part of any shot. */
    POOL_START_MS("poolStartMs", "ms", Group.SUBPROCESS),
    /**
     * The children's peak resident memory, MB: each child's own {@code VmHWM} over its file, the largest per
     * lane (a lane runs one child at a time), summed over the lanes: what the children held at once, at most.
     */
    CHILD_PEAK_RSS_MB("childPeakRssMB", "MB", Group.SUBPROCESS);

    /** Which counter class records it: every shot, every load, the memory of every load, or subprocess loads. */
    public enum Group { SHOT, LOAD, MEMORY, SUBPROCESS }

    /** The subprocess costs that make up a shot, in the order the report lists them. */
    public static final List<Counter> SUBPROCESS_COMPONENTS =
            List.of(PROCESS_START_MS, CHILD_DECODE_MS, CHILD_ENCODE_MS, TRANSFER_MS, PARENT_DECODE_MS);

    private final String key;
    private final String unit;
    private final Group group;

    Counter(String key, String unit, Group group) {
        this.key = key;
        this.unit = unit;
        this.group = group;
    }

    /** The secondary metric's name in JMH's JSON, and the counter field's name. */
    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    public Group group() {
        return group;
    }

    public static Optional<Counter> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
