package dictbench.load;

import dictbench.dataset.BinaryFormat;
import dictbench.load.SubprocessStrategy.Mode;
import dictbench.load.subprocess.FaultyWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A parent JVM for the shutdown-hook test: loads one file through a worker that hangs, and waits
 * until someone sends it SIGTERM. Its worker must not outlive it.
 */
public final class SubprocessShutdownProbe {
    private SubprocessShutdownProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (SubprocessStrategy s = SubprocessStrategy.of(Mode.SPAWN, 1, Duration.ofMinutes(10),
                FaultyWorker.class.getName(), List.of("-Dfaulty=hang"))) {
            s.load(List.of(Path.of(args[0])), new BinaryFormat());
        }
    }
}
