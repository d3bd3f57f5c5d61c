/**
 * The picocli command line: {@code generate} (and the commands later issues add). The only place that
 * prints or exits: lower layers throw, and {@link dictbench.cli.Main} turns that into one line on
 * stderr with exit code 2, and a stack trace only with {@code --verbose}. May import everything.
 */
package dictbench.cli;
