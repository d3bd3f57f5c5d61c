package dictbench.format;

import dictbench.os.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One way of writing a document to a file: the report's Markdown, CSV and HTML, and the gate's Markdown
 * summary, JSON and exports for other CI tools. Each names its file and renders the whole document as text.
 *
 * @param <T> the document: a {@code report.Report} or a {@code gate.Comparison}
 */
public interface OutputFormat<T> {

    /** The file this format is written to in the output directory. */
    String fileName();

    /** The document in this format. */
    String render(T document);

    /** A format from its file name and its renderer. */
    static <T> OutputFormat<T> of(String fileName, Function<T, String> render) {
        return new OutputFormat<>() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public String render(T document) {
                return render.apply(document);
            }
        };
    }

    /**
     * Renders {@code document} in every format and writes each file into {@code dir}, atomically (a reader
     * never sees half a file).
     *
     * @return the files written, in the formats' order
     */
    static <T> List<Path> writeAll(List<? extends OutputFormat<T>> formats, T document, Path dir) throws IOException {
        List<Path> written = new ArrayList<>();
        for (OutputFormat<T> format : formats) {
            byte[] text = format.render(document).getBytes(StandardCharsets.UTF_8);
            Path target = dir.resolve(format.fileName());
            AtomicFiles.write(target, out -> out.write(text));
            written.add(target);
        }
        return written;
    }
}
