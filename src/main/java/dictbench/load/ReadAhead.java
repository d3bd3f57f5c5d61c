package dictbench.load;

import dictbench.cache.PageCache;
import dictbench.cache.Residency;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Reads a load's files into the page cache ahead of its decoding threads, on one extra thread, in
 * the order the decoders will want them: {@code 1 MB} from each decoder's stream in turn. A decoder
 * that reads its file itself has only its own read and the kernel's readahead window in flight,
 * which on this project's disk delivers less than two decoding cores consume (docs/findings.md
 * on cold loads); with this thread reading as fast as the disk allows, the decoders find their
 * blocks in the page cache. A span whose last {@value #CHUNK_BYTES} bytes are in the page cache is
 * taken to be cached and skipped, so a warm load pays only a check of a few hundred pages per span
 * (checking every page cost a page-cache lookup for each, a few percent of a warm load);
 * a file read partly from its start is still read ahead. Reading is advisory: any failure stops it
 * quietly, and the decoders meet the real error when they read the file themselves.
 */
final class ReadAhead implements Closeable {
    static final int CHUNK_BYTES = 1 << 20;

    /** Bytes {@code [offset, offset + length)} of {@code file}, read in order by one decoding thread. */
    record Span(Path file, long offset, long length) {
    }

    private final List<List<Span>> streams;
    private volatile boolean stopped;
    private volatile long bytesRead;
    private final Future<?> task;

    private ReadAhead(ExecutorService thread, List<List<Span>> streams) {
        this.streams = streams;
        this.task = thread.submit(this::readAll);
    }

    /**
     * Starts reading {@code streams} on {@code thread} (a single-thread executor); nothing when page
     * residency cannot be checked on this platform, since reading cached files again would only cost.
     */
    static ReadAhead start(ExecutorService thread, List<List<Span>> streams) {
        return new ReadAhead(thread, PageCache.isSupported() ? streams : List.of());
    }

    /**
     * Decoders that take whole files in order, {@code threads} at a time: file {@code i} is in
     * stream {@code i % threads}.
     */
    static List<List<Span>> byFile(List<Path> files, int threads) throws IOException {
        List<List<Span>> streams = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (i < threads) {
                streams.add(new ArrayList<>());
            }
            streams.get(i % threads).add(new Span(files.get(i), 0, Files.size(files.get(i))));
        }
        return streams;
    }

    /**
     * Decoders that split the files' bytes, laid end to end, into {@code threads} contiguous
     * ranges, as {@link ForkJoinStrategy}'s halving does.
     */
    static List<List<Span>> bySplit(List<Path> files, int threads) throws IOException {
        long[] sizes = new long[files.size()];
        long total = 0;
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = Files.size(files.get(i));
            total += sizes[i];
        }
        List<List<Span>> streams = new ArrayList<>();
        int file = 0;
        long at = 0; // within file
        for (int s = 0; s < threads; s++) {
            List<Span> stream = new ArrayList<>();
            long want = total / threads + (s < total % threads ? 1 : 0);
            while (want > 0 && file < sizes.length) {
                long n = Math.min(want, sizes[file] - at);
                if (n > 0) {
                    stream.add(new Span(files.get(file), at, n));
                }
                want -= n;
                at += n;
                if (at == sizes[file]) {
                    file++;
                    at = 0;
                }
            }
            streams.add(stream);
        }
        return streams;
    }

    /** Bytes read so far: none for files that were already cached. */
    long bytesRead() {
        return bytesRead;
    }

    private void readAll() {
        Map<Path, FileChannel> channels = new HashMap<>();
        try {
            List<List<Span>> left = new ArrayList<>();
            for (List<Span> stream : streams) {
                List<Span> uncached = new ArrayList<>();
                for (Span span : stream) {
                    if (!isCached(span)) {
                        uncached.add(span);
                        if (!channels.containsKey(span.file())) {
                            channels.put(span.file(), FileChannel.open(span.file(), StandardOpenOption.READ));
                        }
                    }
                }
                left.add(uncached);
            }
            if (channels.isEmpty()) {
                return; // warm: nothing to read
            }
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES);
            long[] done = new long[left.size()]; // bytes read of each stream's first span
            for (boolean any = true; any && !stopped; ) {
                any = false;
                for (int s = 0; s < left.size() && !stopped; s++) {
                    List<Span> stream = left.get(s);
                    if (stream.isEmpty()) {
                        continue;
                    }
                    any = true;
                    Span span = stream.getFirst();
                    int n = (int) Math.min(CHUNK_BYTES, span.length() - done[s]);
                    int got = channels.get(span.file()).read(chunk.clear().limit(n), span.offset() + done[s]);
                    if (got < 0) {
                        return; // shorter than it was: the decoders will say so
                    }
                    bytesRead += got;
                    done[s] += got;
                    if (done[s] == span.length()) {
                        stream.removeFirst();
                        done[s] = 0;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // advisory: the decoders read every byte themselves and report what is wrong
        } finally {
            for (FileChannel channel : channels.values()) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // nothing was written; nothing to lose
                }
            }
        }
    }

    /** Whether the span's last chunk is cached: its decoder reads it front to back, so its end comes last. */
    private static boolean isCached(Span span) throws IOException {
        long end = span.offset() + span.length();
        long from = Math.max(span.offset(), end - CHUNK_BYTES);
        Residency r = PageCache.residency(span.file(), from, end - from);
        return r.residentPages() == r.pages();
    }

    /** Stops reading and waits for the thread to let go of the files, so no read outlives the load. */
    @Override
    public void close() {
        stopped = true;
        awaitDone();
    }

    /** Waits until everything is read, or reading stopped. */
    void awaitDone() {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // readAll catches what it expects; anything else is not the load's business
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
