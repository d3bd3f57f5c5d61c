/**
 * The picocli command line, one class per command: {@code generate}, {@code bench}, {@code report},
 * {@code compare}, {@code ab} and {@code calibrate}. {@link dictbench.cli.RunDirectory} is the one writer of
 * a run directory (JMH JSON, environment, summary, report) that {@code bench} and {@code ab} share, and
 * {@code GateOptions} the gate's settings that {@code compare} and {@code ab} share. The only place that
 * prints or exits: lower layers throw, and {@link dictbench.cli.Main} turns that into one line on stderr
 * with exit code 2, and a stack trace only with {@code --verbose}. May import everything.
 */
package dictbench.cli;
