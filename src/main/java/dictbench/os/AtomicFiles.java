package dictbench.os;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file under a temporary name in the same directory, syncs it, then renames it over the
 * final name. A crash at any point leaves the old complete file or none, never a partial one under
 * the final name; leftovers carry {@link #TEMP_SUFFIX} and are removed by the next run.
 */
public final class AtomicFiles {
    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Writes the content {@code body} produces; on any failure the temporary file is deleted. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, target.getFileName().toString() + ".", TEMP_SUFFIX);
        boolean done = false;
        try {
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                // createTempFile makes owner-only files; data and manifests are for everyone to read
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                // The body may close what it is given (Jackson does); the channel must stay open to be synced.
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                body.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Deletes temporary files a killed writer left in {@code dir} for files named {@code prefix}*. */
    public static int deleteLeftovers(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int deleted = 0;
        try (var stream = Files.newDirectoryStream(dir, prefix + "*" + TEMP_SUFFIX)) {
            for (Path p : stream) {
                Files.deleteIfExists(p);
                deleted++;
            }
        }
        return deleted;
    }
}
