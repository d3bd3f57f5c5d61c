package dictbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's own console output, unchanged, plus two things a suite of several JMH runs needs: after each configuration
 * one line for the whole suite (configurations done of all, elapsed, and an ETA weighted by each configuration's
 * forks × shots), and the last lines JMH printed, so that a failed fork's own exception can name the failure
 * ({@link #forkFailure()}) instead of JMH's "Benchmark caught the exception". One instance serves every pass.
 */
final class SuiteProgress implements OutputFormat {

    /** A line that opens a Java exception's stack trace: {@code java.io.IOException: message}. */
    private static final Pattern EXCEPTION = Pattern.compile("^(Caused by: )?[\\w$.]+(Exception|Error)(: .*)?$");
    /** JMH's line for a fork whose JVM ended without a result. */
    private static final Pattern FORK_DIED = Pattern.compile("<forked VM failed with exit code (-?\\d+)>$");
    private static final String CAUSED_BY = "Caused by: ";
    private static final int KEPT_LINES = 400;

    private final OutputFormat jmh;
    private final PrintStream progress;
    private final double totalWork;
    private final int totalConfigurations;
    private final long startNanos = System.nanoTime();
    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private double doneWork;
    private int done;
    private double currentWork;

    /**
     * @param jmh                 JMH's console format, which prints everything as JMH does
     * @param progress            where the suite's progress lines go
     * @param totalConfigurations configurations in every pass of the suite
     * @param totalWork           their summed {@link #work} units
     */
    SuiteProgress(OutputFormat jmh, PrintStream progress, int totalConfigurations, double totalWork) {
        this.jmh = jmh;
        this.progress = progress;
        this.totalConfigurations = totalConfigurations;
        this.totalWork = totalWork;
    }

    /** A configuration's cost in units of one shot: each fork's start-up and set-up counted as one more. */
    static double work(int forks, int warmups, int measurements) {
        return forks * (1.0 + warmups + measurements);
    }

    /**
     * The fork's own error: the last stack trace JMH printed (its exception line, with its deepest cause), else, for a fork
     * whose JVM did not start or died, its exit code and the last line it printed before.
     */
    Optional<String> forkFailure() {
        String first = null;
        String deepest = null;
        String previous = "";
        String died = null;
        for (String line : lines) {
            String l = line.strip();
            Matcher exit = FORK_DIED.matcher(l);
            if (exit.find() && died == null) {
                int code = Integer.parseInt(exit.group(1));
                died = "its JVM " + (code > 128 && code < 160 ? "was killed by signal " + (code - 128) + " (exit code " + code + ")"
                        : "exited with code " + code) + (previous.isEmpty() ? "" : ": " + previous);
            }
            if (!l.isEmpty() && !l.startsWith("#") && !l.startsWith("<")) { // JMH's own lines say nothing of the fork's end
                previous = l;
            }
            if (!EXCEPTION.matcher(l).matches()) {
                continue;
            }
            if (l.startsWith(CAUSED_BY)) {
                deepest = l.substring(CAUSED_BY.length());
            } else { // a new stack trace
                first = l;
                deepest = null;
            }
        }
        if (first == null) {
            return Optional.ofNullable(died);
        }
        return Optional.of(deepest == null || first.contains(deepest) ? first : first + " (caused by " + deepest + ")");
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        currentWork = work(params.getForks(), params.getWarmup().getCount(), params.getMeasurement().getCount());
        jmh.startBenchmark(params);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        jmh.endBenchmark(result);
        done++;
        doneWork += currentWork;
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
        double perUnit = elapsed.toMillis() / Math.max(doneWork, 1e-9);
        Duration eta = Duration.ofMillis((long) (perUnit * Math.max(0, totalWork - doneWork)));
        jmh.flush();
        progress.printf(Locale.ROOT, "== suite: %d of %d configurations done, %s elapsed, ETA %s%n", done, totalConfigurations,
                clock(elapsed), clock(eta));
        progress.flush();
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        jmh.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        jmh.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        jmh.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        jmh.endRun(result);
    }

    @Override
    public void print(String s) {
        keep(s);
        jmh.print(s);
    }

    @Override
    public void println(String s) {
        keep(s + "\n");
        jmh.println(s);
    }

    @Override
    public void verbosePrintln(String s) {
        keep(s + "\n");
        jmh.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        keep(String.valueOf((char) b));
        jmh.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        keep(new String(b, java.nio.charset.StandardCharsets.UTF_8));
        jmh.write(b);
    }

    @Override
    public void flush() {
        jmh.flush();
    }

    /** JMH closes its format at the end of each run; this one serves every pass, so it only flushes. */
    @Override
    public void close() {
        jmh.flush();
    }

    private void keep(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lines.addLast(partial.toString());
                partial.setLength(0);
                if (lines.size() > KEPT_LINES) {
                    lines.removeFirst();
                }
            } else {
                partial.append(c);
            }
        }
    }
}
