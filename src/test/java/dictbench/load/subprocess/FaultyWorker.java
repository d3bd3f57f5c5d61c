package dictbench.load.subprocess;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A worker that misbehaves on purpose, so the tests can check every fault the parent must survive.
 * It speaks the real protocol (hello, requests) and fails only where told: {@code -Dfaulty=KIND}
 * for every file, {@code -Dfaulty.FILENAME=KIND} for one. KIND is one of {@code none} (behave),
 * {@code exit}, {@code signal}, {@code hang}, {@code grandchild}, {@code garbage}, {@code truncated}, {@code overlong}.
 */
public final class FaultyWorker {
    public static final int EXIT_STATUS = 7;
    public static final String STDERR_MESSAGE = "boom: faulty worker refuses";
    public static final String GARBAGE = "oops, a stray println on stdout\n";
    public static final String EXTRA = "EXTRA BYTES";
    public static final String GRANDCHILD = "started grandchild pid ";

    private FaultyWorker() {
    }

    public static void main(String[] args) {
        System.exit(Worker.run(args, FaultyWorker::misbehave));
    }

    private static boolean misbehave(String format, Path path, OutputStream frames) throws IOException {
        String kind = System.getProperty("faulty." + path.getFileName(), System.getProperty("faulty", "none"));
        switch (kind) {
            case "none" -> {
                return Worker.serve(format, path, frames);
            }
            case "exit" -> {
                System.err.println(STDERR_MESSAGE + " " + path);
                System.exit(EXIT_STATUS);
            }
            case "signal" -> raise(9);
            case "hang" -> sleepForever();
            case "grandchild" -> {
                // a grandchild that holds our stdout: only destroying descendants too lets the parent see EOF
                Process sleeper = new ProcessBuilder("sleep", "600").redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
                System.err.println(GRANDCHILD + sleeper.pid());
                sleepForever();
            }
            case "garbage" -> {
                frames.write(GARBAGE.getBytes(StandardCharsets.US_ASCII));
                frames.flush();
                return true;
            }
            case "truncated" -> {
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                Worker.serve(format, path, frame);
                frames.write(frame.toByteArray(), 0, frame.size() / 2);
                frames.flush();
                System.exit(0);
            }
            case "overlong" -> {
                Worker.serve(format, path, frames);
                frames.write(EXTRA.getBytes(StandardCharsets.US_ASCII));
                frames.flush();
                return true;
            }
            default -> throw new IllegalArgumentException("unknown fault " + kind);
        }
        throw new AssertionError("unreachable");
    }

    /** Kills this JVM with a real signal, through libc's raise(3). */
    @SuppressWarnings("restricted") // the worker runs with --enable-native-access
    private static void raise(int signal) {
        Linker linker = Linker.nativeLinker();
        MethodHandle raise = linker.downcallHandle(linker.defaultLookup().find("raise").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        try {
            int ignored = (int) raise.invokeExact(signal);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        sleepForever();
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
