package dictbench.cli;

import dictbench.dataset.Datasets;
import dictbench.os.AtomicFiles;
import dictbench.report.Headline;
import dictbench.report.RunIndex;
import dictbench.results.Results;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dictbench publish [RUN]}: regenerates what the checkout says about its published runs, so it cannot drift from
 * them: the README's headline (between {@value #BEGIN} and {@value #END}) from the run it names, or from {@code RUN}
 * when given, and {@code results/INDEX.md} from every run in {@code results/}.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Regenerate the README's headline from a published run (default: the one it names) and results/INDEX.md "
                + "from every run in results/.")
final class PublishCommand implements Callable<Integer> {

    static final String BEGIN = "<!-- headline: ";
    static final String END = "<!-- /headline -->";
    private static final Pattern BLOCK = Pattern.compile(Pattern.quote(BEGIN) + "(\\S+) -->\\n(.*?)" + Pattern.quote(END), Pattern.DOTALL);

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "A run directory under results/ to make the README's headline.")
    String run;

    @Option(names = "--check", description = "Change nothing; exit 1 if the README's headline or results/INDEX.md is not what they would be.")
    boolean check;

    @Option(names = "--stores", paramLabel = "RUN", description = "A stores run under results/ to make the README's stores block (default: the one it names).")
    String storesRun;

    @Option(names = "--root", paramLabel = "DIR", description = "The checkout (default: the one the scripts run from).")
    Path rootOption;

    static final String STORES_BEGIN = "<!-- stores: ";
    static final String STORES_END = "<!-- /stores -->";
    private static final Pattern STORES_BLOCK = Pattern.compile(Pattern.quote(STORES_BEGIN) + "(\\S+) -->\n.*?" + Pattern.quote(STORES_END), Pattern.DOTALL);

    /** The README with its stores block (where it has one) regenerated from {@code storesRun}, or else the stores run it names. */
    private String withStores(Path root, String text) throws IOException {
        Matcher m = STORES_BLOCK.matcher(text);
        if (!m.find()) {
            if (storesRun != null) {
                throw new IOException("the README has no stores block (" + STORES_BEGIN + "results/RUN -->, then " + STORES_END + "); add one where it goes");
            }
            return text;
        }
        String runDir = storesRun != null ? relative(root, storesRun) : m.group(1);
        Path dir = root.resolve(runDir);
        if (!runDir.startsWith("results/") || !Files.isDirectory(dir)) {
            throw new IOException(runDir + " (the README's stores block) is not a run directory under results/");
        }
        String block = Headline.storesMarkdown(runDir, Results.read(List.of(dir))).orElseThrow(() -> new IOException(
                runDir + " (the README's stores block) has no store results; publish a run of scripts/bench --suite stores"));
        return text.substring(0, m.start()) + STORES_BEGIN + runDir + " -->\n" + block + STORES_END + text.substring(m.end());
    }

    private static String relative(Path root, String run) {
        return root.relativize(root.resolve(run).toAbsolutePath().normalize()).toString();
    }

    @Override
    public Integer call() throws IOException {
        Path root = (rootOption != null ? rootOption : Datasets.root()).toAbsolutePath().normalize();
        Path readme = root.resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Matcher m = BLOCK.matcher(text);
        if (!m.find()) {
            throw new IOException(readme + " has no headline block (" + BEGIN + "results/RUN -->, then " + END + "); add one where it goes");
        }
        String runDir = run != null ? relative(root, run) : m.group(1);
        Path dir = root.resolve(runDir);
        if (!runDir.startsWith("results/") || !Files.isDirectory(dir)) {
            throw new IOException(runDir + " is not a run directory under results/; publish a run with scripts/bench --publish first");
        }
        String headline = Headline.markdown(runDir, Results.read(List.of(dir)));
        String withHeadline = text.substring(0, m.start()) + BEGIN + runDir + " -->\n" + headline + END + text.substring(m.end());
        String newReadme = withStores(root, withHeadline);
        Path indexFile = root.resolve("results").resolve(RunIndex.FILE_NAME);
        String index = RunIndex.markdown(root.resolve("results"), dir.getFileName().toString());
        if (check) {
            boolean same = newReadme.equals(text) && Files.isRegularFile(indexFile) && Files.readString(indexFile, StandardCharsets.UTF_8).equals(index);
            command.commandLine().getOut().println(same ? "the README's headline and results/INDEX.md are up to date"
                    : "stale: run scripts/dictbench publish to regenerate the README's headline and results/INDEX.md");
            return same ? ExitCodes.OK : ExitCodes.REGRESSION;
        }
        AtomicFiles.write(readme, out -> out.write(newReadme.getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(indexFile, out -> out.write(index.getBytes(StandardCharsets.UTF_8)));
        command.commandLine().getOut().println("wrote " + readme + " (headline from " + runDir + ") and " + indexFile);
        return ExitCodes.OK;
    }
}
