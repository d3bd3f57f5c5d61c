package dictbench.cli;

import dictbench.gate.Calibration;
import dictbench.os.AtomicFiles;
import dictbench.stats.PerformanceChange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dictbench calibrate DIR}: judges the runs {@code scripts/calibrate-gate} made in {@code DIR/runs}
 * and writes {@code calibration.md} and {@code calibration.json} into {@code DIR}.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Measure how often the regression gate is wrong: judge every pair of normal runs (a-NN) and every "
                + "normal run against every slowed run (slowedP-NN) in DIR/runs with the gate's default settings and with "
                + "plain ratio rules; write DIR/calibration.md and DIR/calibration.json.",
                "The runs come from scripts/calibrate-gate."})
final class CalibrateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "DIR", description = "The calibration directory, e.g. results/gate-calibration.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Calibration calibration = Calibration.of(dir, PerformanceChange.Settings.defaults());
        String markdown = calibration.markdown();
        byte[] json = calibration.json().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve("calibration.md"), o -> o.write(markdown.getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(dir.resolve("calibration.json"), o -> o.write(json));
        command.commandLine().getOut().print(markdown);
        command.commandLine().getErr().println("wrote " + dir.resolve("calibration.md") + ", " + dir.resolve("calibration.json"));
        return ExitCodes.OK;
    }
}
