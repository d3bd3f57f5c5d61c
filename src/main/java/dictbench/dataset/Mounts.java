package dictbench.dataset;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which filesystem and device a directory is on, so results say whether two dirs share a disk. */
public final class Mounts {
    private Mounts() {
    }

    /**
     * @param directory the directory described
     * @param fileStore the FileStore's name (on Linux, the device, e.g. {@code /dev/vda} or {@code tmpfs})
     * @param type      filesystem type, e.g. {@code ext4}, {@code tmpfs}
     * @param deviceId  st_dev of the directory, or -1 where the platform does not expose it
     */
    public record Mount(String directory, String fileStore, String type, long deviceId) {
    }

    public static Mount describe(Path directory) throws IOException {
        FileStore store = Files.getFileStore(directory);
        long device = -1;
        try {
            device = ((Number) Files.getAttribute(directory, "unix:dev")).longValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // not a Unix filesystem view: the store name still tells the device
        }
        return new Mount(directory.toAbsolutePath().toString(), store.name(), store.type(), device);
    }
}
