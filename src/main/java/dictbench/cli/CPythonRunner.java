package dictbench.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starting {@code scripts/python/pyload.py}: CPython's loads of the same content, beside the JVM's. Its progress goes to
 * stderr as it comes; a failure is its own last line; its interpreters never outlive the call, nor this JVM.
 */
final class CPythonRunner {
    /** The interpreter: {@code python3} on the PATH. */
    static final String PYTHON = "python3";
    /** The runner, under the checkout. */
    static final String SCRIPT = "scripts/python/pyload.py";

    private CPythonRunner() {
    }

    /** Whether a python3 of 3.8 or newer runs here. */
    static boolean found() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import sys; sys.exit(0 if sys.version_info >= (3, 8) else 1)")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the runner on {@code manifest} with {@code args}; returns when it has written its results. */
    static void run(Path root, Path manifest, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON, root.resolve(SCRIPT).toString(), manifest.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Thread stop = new Thread(() -> destroyTree(p), "dictbench-cpython-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        PrintStream err = System.err;
        String last = "no message";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                err.println(line);
                last = line;
            }
            int status = p.waitFor();
            if (status != 0) {
                throw new IOException("CPython's loads failed (" + SCRIPT + " exited with status " + status + "): "
                        + last.replaceFirst("^error: ", ""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while CPython loaded the pickles");
        } finally {
            destroyTree(p);
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs
            }
        }
    }

    private static void destroyTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }
}
