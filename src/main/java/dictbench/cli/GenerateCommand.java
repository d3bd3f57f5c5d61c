package dictbench.cli;

import dictbench.dataset.DatasetSpec;
import dictbench.dataset.Datasets;
import dictbench.dataset.Generator;
import dictbench.store.StoreKind;
import dictbench.store.StoreSet;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dictbench generate <spec> [--out DIR ...] [--format F]}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a dataset's files and manifest.json (kept files whose manifest entry still matches are reused).")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(paramLabel = "SPEC", description = "A spec name from datasets/ (default, smoke, skewed, ...) or a .properties file.")
    String spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory, repeatable: files go to the directories in turn. Default: the spec's dirs.")
    List<Path> out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "File format: binary, java-serial or pickle (a CPython dict of str to str); or a store built from the binary files: sqlite, lmdb, sparkey. Default: the spec's.")
    String format;

    @Override
    public Integer call() throws Exception {
        DatasetSpec s = Datasets.spec(spec);
        if (out != null && !out.isEmpty()) {
            s = s.withDirectories(out.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        }
        if (format != null && Arrays.stream(StoreKind.values()).anyMatch(k -> k.key().equals(format))) {
            return stores(s, StoreKind.named(format));
        }
        if (format != null) {
            if (dictbench.dataset.Format.ALL.stream().noneMatch(f -> f.name().equals(format))) {
                throw new picocli.CommandLine.ParameterException(command.commandLine(), "--format: unknown format '" + format + "'; known: "
                        + java.util.stream.Stream.concat(dictbench.dataset.Format.ALL.stream().map(dictbench.dataset.Format::name),
                        Arrays.stream(StoreKind.values()).map(StoreKind::key)).toList());
            }
            s = s.withFormat(format);
        }
        long start = System.nanoTime();
        Generator.Result result;
        try (Progress progress = Progress.open("generate " + s.name(), s.totalEntries())) {
            result = new Generator().generate(s, progress);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        command.commandLine().getOut().printf("%s (%s): %d files written, %d kept, %.1f MB, %d entries in %.1f s -> %s%n",
                s.name(), s.format(), result.written(), result.kept(), result.manifest().totalBytes() / 1e6,
                result.manifest().totalEntries(), seconds, result.manifestPath());
        return ExitCodes.OK;
    }

    /** {@code --format sqlite|lmdb|sparkey}: the binary files (generated if need be), then a store of each, checked by a full scan. */
    private int stores(DatasetSpec s, StoreKind kind) throws Exception {
        DatasetSpec binary = s.withFormat("binary");
        Generator.Result data;
        try (Progress progress = Progress.open("generate " + binary.name(), binary.totalEntries())) {
            data = new Generator().generate(binary, progress);
        }
        StoreSet set = StoreSet.build(binary, data.manifest(), kind);
        command.commandLine().getOut().println(set.summary() + " -> " + StoreSet.descriptionPath(binary, kind));
        return ExitCodes.OK;
    }

    /** A progress bar on a terminal, nothing otherwise. */
    static final class Progress implements LongConsumer, AutoCloseable {
        private final ProgressBar bar;

        private Progress(ProgressBar bar) {
            this.bar = bar;
        }

        static Progress open(String task, long total) {
            java.io.Console console = System.console();
            boolean terminal = console != null && console.isTerminal();
            return new Progress(terminal
                    ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                            .setUnit(" M entries", 1_000_000).showSpeed().build()
                    : null);
        }

        @Override
        public void accept(long done) {
            if (bar != null) {
                bar.stepBy(done);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
