package dictbench.load;
import dictbench.dataset.Format;
import dictbench.os.EachOf;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

/**
 * The JVM's nearest thing to asyncio file I/O: every file's reads are issued at once through an
 * {@link AsynchronousFileChannel}, {@link #CHUNK} bytes at a time, each completion issuing the next read, and a
 * {@link CompletableFuture} per file decodes it once its last byte has arrived. The channels' executor and the
 * decoders share one pool of {@code threads} platform threads. On Linux the JDK has no asynchronous file read: its
 * channel runs each read as a blocking {@code pread} on a thread of that pool, so this is a thread pool behind a
 * callback API, which the benchmark puts beside {@link PlatformThreadsStrategy}. No {@link ReadAhead}: the reads
 * are already issued ahead of the decoders.
 */
public final class AsyncStrategy implements Strategy {
    /** One read's length: a heap buffer's read goes through a temporary direct buffer this size, which the JDK caches per thread. */
    static final int CHUNK = 1 << 20;

    private final int threads;
    private final ExecutorService pool;

    public AsyncStrategy(int threads) {
        this.threads = Threads.check(threads);
        this.pool = Threads.prestartedPool(threads, "dictbench-async-");
    }

    public int threads() {
        return threads;
    }

    @Override
    public LoadResult load(List<Path> files, Format format) throws IOException {
        LoadedFiles loaded = new LoadedFiles(files.size());
        List<AsynchronousFileChannel> channels = new ArrayList<>(files.size());
        List<CompletableFuture<?>> futures = new ArrayList<>(files.size());
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        // on the way out, a failed load stops the reads still in flight and waits for the decoders already running,
        // so that none spills into the next load on this pool
        try (Closeable stop = () -> {
            EachOf.apply(channels, AsynchronousFileChannel::close);
            settle(futures);
        }) {
            for (int i = 0; i < files.size(); i++) {
                int file = i;
                Path path = files.get(file);
                loaded.begin(file);
                AsynchronousFileChannel channel = AsynchronousFileChannel.open(path, Set.of(StandardOpenOption.READ), pool);
                channels.add(channel);
                CompletableFuture<?> decoded = readAll(channel, path)
                        .thenApplyAsync(bytes -> decode(format, bytes, path), pool)
                        .thenAccept(map -> loaded.complete(file, map));
                decoded.whenComplete((ok, failure) -> {
                    if (failure != null) {
                        firstFailure.completeExceptionally(failure);
                    }
                });
                futures.add(decoded);
            }
            CompletableFuture.anyOf(CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)), firstFailure).get();
            return loaded.result(Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while loading");
        } catch (ExecutionException e) {
            throw Tasks.unwrap(e.getCause());
        }
    }

    /** A future of the whole file's bytes, read a {@link #CHUNK} at a time; each completion issues the next read. */
    private static CompletableFuture<byte[]> readAll(AsynchronousFileChannel channel, Path path) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException(path + " is " + size + " bytes; the async strategy reads a file into one array, at most 2 GB");
        }
        byte[] bytes = new byte[(int) size];
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        readFrom(channel, path, bytes, 0, done);
        return done;
    }

    private static void readFrom(AsynchronousFileChannel channel, Path path, byte[] bytes, int position, CompletableFuture<byte[]> done) {
        if (position == bytes.length) {
            done.complete(bytes);
            return;
        }
        ByteBuffer into = ByteBuffer.wrap(bytes, position, Math.min(CHUNK, bytes.length - position));
        channel.read(into, position, null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer read, Void unused) {
                if (read < 0) {
                    done.completeExceptionally(new EOFException(path + " ended at byte " + position + ", but it was "
                            + bytes.length + " bytes when it was opened: the file changed during the load"));
                } else {
                    readFrom(channel, path, bytes, position + read, done);
                }
            }

            @Override
            public void failed(Throwable failure, Void unused) {
                done.completeExceptionally(failure);
            }
        });
    }

    private static Map<String, String> decode(Format format, byte[] bytes, Path path) {
        try {
            return format.decode(bytes, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every future has finished, whichever way. */
    private static void settle(List<CompletableFuture<?>> futures) {
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
