package dictbench.load.subprocess;

import dictbench.dataset.BinaryFormat;
import dictbench.dataset.Format;
import dictbench.os.ProcessMemory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * The child side of {@code load.SubprocessStrategy}: a JVM that decodes a dictionary file, re-encodes
 * the map in the binary format and ships it to the parent as a frame on stdout
 * ({@link Frames}), a block at a time as it encodes. Where its decoder found every
 * string pure ASCII ({@link Format#readCheckingAscii}), the encoder copies the strings' chars
 * instead of encoding each into an array first. Its stdout pipe is grown to
 * {@value PipeCapacity#WANTED_BYTES} bytes first, so that it can run ahead of the parent's decoding
 * by more than the default 64 KB.
 *
 * <pre>
 * java -cp … dictbench.load.subprocess.Worker --spawn FORMAT PATH   one file, then exit
 * java -cp … dictbench.load.subprocess.Worker --pool                requests on stdin until EOF
 * </pre>
 *
 * Stdout carries frames and nothing else: {@code System.out} is pointed at stderr before any of our
 * code runs, so a stray print lands in the parent's stderr log instead of corrupting the protocol.
 * A file that cannot be loaded is answered with an error frame carrying the exception, so the
 * parent reports the child's own message (a {@code FormatException} names the file and offset).
 */
public final class Worker {
    public static final int EXIT_OK = 0;
    public static final int EXIT_USAGE = 2;
    /** A {@code --spawn} child that answered with an error frame. */
    public static final int EXIT_LOAD_FAILED = 3;
    /** The pipe to the parent broke, or the parent spoke something other than the protocol. */
    public static final int EXIT_PROTOCOL = 4;
    /** Gathers the small writes (hello, frame and block headers, error frames); blocks go straight through. */
    private static final int FRAME_BUFFER_BYTES = 1 << 16;

    private static final BinaryFormat PAYLOAD_FORMAT = new BinaryFormat();

    private Worker() {
    }

    /** Answers one request: writes a result or an error frame; returns whether the file loaded. */
    @FunctionalInterface
    interface Handler {
        boolean serve(String format, Path path, OutputStream frames) throws IOException;
    }

    public static void main(String[] args) {
        System.exit(run(args, Worker::serve));
    }

    /**
     * The worker's life with a given request handler (tests substitute misbehaving ones): claims
     * stdout, says hello, then serves one file or a stream of requests. Returns the exit status.
     */
    static int run(String[] args, Handler handler) {
        OutputStream frames = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), FRAME_BUFFER_BYTES);
        System.setOut(System.err);
        if (PipeCapacity.grow(1, PipeCapacity.WANTED_BYTES) < 0) {
            System.err.println("subprocess worker: stdout keeps its default capacity (not a pipe, or no native access)");
        }
        try {
            Frames.writeHello(frames);
            if (args.length == 3 && args[0].equals("--spawn")) {
                boolean loaded = handler.serve(args[1], Path.of(args[2]), frames);
                frames.close(); // the parent reads to EOF to check nothing follows the frame
                return loaded ? EXIT_OK : EXIT_LOAD_FAILED;
            }
            if (args.length == 1 && args[0].equals("--pool")) {
                DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
                for (Frames.Request r; (r = Frames.readRequest(requests)) != null; ) {
                    handler.serve(r.format(), r.path(), frames);
                    // The answered map is garbage now: start the next file with an empty young
                    // generation, as the parent's forks start every shot (see HeapBudget).
                    System.gc();
                }
                return EXIT_OK;
            }
            System.err.println("usage: Worker --spawn FORMAT PATH | --pool");
            return EXIT_USAGE;
        } catch (IOException e) {
            System.err.println("subprocess worker: lost the pipe to the parent: " + e);
            return EXIT_PROTOCOL;
        }
    }

    /**
     * The real handler: loads the file, then answers with its map; a failure to load (an
     * OutOfMemoryError too) becomes an error frame, one while encoding an aborted result.
     */
    static boolean serve(String format, Path path, OutputStream frames) throws IOException {
        ProcessMemory.resetPeak(); // a pool worker's peak is this file's, not its largest so far
        long t0 = System.nanoTime();
        Format.Decoded decoded;
        try {
            decoded = Format.named(format).readCheckingAscii(path);
        } catch (Exception | Error e) {
            Frames.writeError(frames, e.toString());
            return false;
        }
        return Frames.writeResult(frames, System.nanoTime() - t0, decoded, PAYLOAD_FORMAT,
                () -> ProcessMemory.now().map(ProcessMemory::peakBytes).orElse(-1L));
    }
}
