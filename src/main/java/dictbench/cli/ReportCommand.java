package dictbench.cli;

import dictbench.report.Report;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dictbench report <results dir | jmh.json ...>}: Markdown, CSV and HTML beside the input. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write report.md, report.csv and report.html (tables and SVG charts) beside the results: into the "
                + "results directory, or beside the first JMH JSON file.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "RESULTS", arity = "1..*",
            description = "Results directories (jmh.json, environment.json, timelines/) or JMH JSON files (-rf json).")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        List<Path> written = Report.write(inputs);
        for (Path p : written) {
            command.commandLine().getOut().println("wrote " + p);
        }
        return ExitCodes.OK;
    }
}
