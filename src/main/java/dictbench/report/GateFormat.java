package dictbench.report;

import java.util.List;

/**
 * One way of writing a {@link GateReport}: the Markdown summary for a pull request, the gate's own JSON,
 * and the exports other CI tools read. Each names its file and renders the whole report as text.
 */
public interface GateFormat {

    /** The file this format is written to in the output directory. */
    String fileName();

    /** The report in this format. */
    String render(GateReport report);

    /** Every format, Markdown first. */
    static List<GateFormat> all() {
        return List.of(new GateMarkdown(), new GateJson(), new GateGithubActionBenchmark(), new GateBencher());
    }
}
