package dictbench.run;

import java.nio.file.Path;

/**
 * The files of one run directory, named once: what {@code bench} writes, and what {@code report},
 * {@code compare} and the gate read.
 *
 * @param dir the run directory
 */
public record RunLayout(Path dir) {
    /** JMH's own JSON (-rf json): the raw data everything else is made from. */
    public static final String JMH_JSON = "jmh.json";
    /** Where JMH writes while it runs; moved to {@link #JMH_JSON} when the run succeeds. */
    public static final String JMH_JSON_PARTIAL = "jmh.json.partial";
    /** The machine, JDK, flags, dataset and run record beside the JMH JSON. */
    public static final String ENVIRONMENT_JSON = "environment.json";
    /** CPython's loads of the same dataset's pickles ({@code scripts/python/pyload.py}), in JMH's JSON shape. */
    public static final String PYTHON_JSON = "python.json";
    /** One JSON file per configuration: the per-file spans of a shot. */
    public static final String TIMELINES = "timelines";
    public static final String SUMMARY_MD = "summary.md";
    public static final String REPORT_MD = "report.md";
    public static final String REPORT_CSV = "report.csv";
    public static final String REPORT_HTML = "report.html";

    public RunLayout {
        java.util.Objects.requireNonNull(dir, "dir");
    }

    public Path jmhJson() {
        return dir.resolve(JMH_JSON);
    }

    public Path jmhJsonPartial() {
        return dir.resolve(JMH_JSON_PARTIAL);
    }

    /** Where pass {@code n} (from 1) of a run of several JMH runs writes its JMH JSON until they are merged into {@link #jmhJson()}. */
    public Path passJsonPartial(int n) {
        return dir.resolve("jmh-pass" + n + ".json.partial");
    }

    public Path pythonJson() {
        return dir.resolve(PYTHON_JSON);
    }

    public Path environmentJson() {
        return dir.resolve(ENVIRONMENT_JSON);
    }

    /** Where a run's subprocess children keep their stderr logs while they run; removed when the run ends, however it ends. */
    public Path workerLogs() {
        return dir.resolve(".worker-logs");
    }

    public Path timelines() {
        return dir.resolve(TIMELINES);
    }

    public Path summary() {
        return dir.resolve(SUMMARY_MD);
    }

    public Path reportHtml() {
        return dir.resolve(REPORT_HTML);
    }
}
