package dictbench.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/** {@code dictbench generate | ...}: the entry point {@code scripts/dictbench} launches. */
@Command(name = "dictbench", mixinStandardHelpOptions = true, version = "dictbench 0.1",
        description = "Generate dictionary datasets and measure how fast each concurrency strategy loads them.",
        subcommands = {GenerateCommand.class, BenchCommand.class, ReportCommand.class, CompareCommand.class, AbCommand.class,
                CalibrateCommand.class, PublishCommand.class})
public final class Main implements Runnable {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces on errors.")
    boolean verbose;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: generate, bench, report, compare, ab, calibrate or publish");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line and returns its exit code; tests call this. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage() + " (see: dictbench " + commandPath(e.getCommandLine()) + "--help)");
            if (verbose) {
                e.printStackTrace(err);
            }
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            err.println("error: " + Errors.oneLine(e));
            if (verbose) {
                e.printStackTrace(err);
            }
            return ExitCodes.BAD_INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String commandPath(CommandLine c) {
        StringBuilder path = new StringBuilder();
        for (CommandLine at = c; at.getParent() != null; at = at.getParent()) {
            path.insert(0, at.getCommandName() + " ");
        }
        return path.toString();
    }
}
