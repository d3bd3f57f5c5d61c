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
    PROCESS_START_MS("processStartMs", "ms", Group.SUBPROCESS),
    CHILD_DECODE_MS("childDecodeMs", "ms", Group.SUBPROCESS),
    CHILD_ENCODE_MS("childEncodeMs", "ms", Group.SUBPROCESS),
    TRANSFER_MS("transferMs", "ms", Group.SUBPROCESS),
    PARENT_DECODE_MS("parentDecodeMs", "ms", Group.SUBPROCESS),
    SHIPPED_MB("shippedMB", "MB", Group.SUBPROCESS),
    /** The pool's start, once before the trial: not part of any shot. */
    POOL_START_MS("poolStartMs", "ms", Group.SUBPROCESS);

    /** Which counter class records it: every shot, every load, or subprocess loads. */
    public enum Group { SHOT, LOAD, SUBPROCESS }

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
