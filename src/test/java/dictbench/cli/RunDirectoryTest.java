package dictbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void aSecondRunOnTheSameDirectoryIsRefusedWhileTheFirstWrites() throws IOException {
        Path out = dir.resolve("run");
        try (RunDirectory first = RunDirectory.open(out)) {
            IOException e = assertThrows(IOException.class, () -> RunDirectory.open(out));
            assertTrue(e.getMessage().contains("another dictbench run is writing this directory"), e.getMessage());
            Files.writeString(first.layout().jmhJson(), "[]");
            first.finish();
        }
        assertFalse(Files.exists(out.resolve(RunDirectory.LOCK)), "the lock goes with the run");
        FileAlreadyExistsException again = assertThrows(FileAlreadyExistsException.class, () -> RunDirectory.open(out));
        assertTrue(again.getMessage().contains("already holds a run (jmh.json); choose a new --out"), again.getMessage());
    }

    @Test
    void anAbandonedRunLeavesNothingBehind() throws IOException {
        Path out = dir.resolve("fresh");
        try (RunDirectory run = RunDirectory.open(out)) {
            Files.writeString(run.layout().passJsonPartial(1), "[");
            Files.createDirectories(run.layout().timelines());
            Files.writeString(run.layout().timelines().resolve("x.json"), "{}");
        }
        assertFalse(Files.exists(out), "the run created it and did not finish: it is gone");
        Path existing = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(existing.resolve("notes.txt"), "keep me");
        try (RunDirectory run = RunDirectory.open(existing)) {
            Files.writeString(run.layout().jmhJsonPartial(), "[");
        }
        assertTrue(Files.exists(existing.resolve("notes.txt")) && !Files.exists(existing.resolve("jmh.json.partial")),
                "a directory the run did not create keeps what was there, and loses only the run's parts");
    }

    @Test
    void theChildrensLogsGoWithTheRunFinishedOrNot() throws IOException {
        // a fork killed outright (SIGKILL) cannot remove its children's stderr logs: the run's directory holds them, and the run removes it
        for (boolean finish : new boolean[] {true, false}) {
            Path out = dir.resolve("logs-" + finish);
            try (RunDirectory run = RunDirectory.open(out)) {
                Files.createDirectories(run.layout().workerLogs());
                Files.writeString(run.layout().workerLogs().resolve("dictbench-worker-1.stderr"), "left by a killed fork");
                if (finish) {
                    Files.writeString(run.layout().jmhJson(), "[]");
                    run.finish();
                }
            }
            assertFalse(Files.exists(out.resolve(".worker-logs")), "finished " + finish + ": no worker logs left");
        }
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> RunDirectory.open(file));
        assertTrue(e.getMessage().contains("exists and is not a directory"), e.getMessage());
    }
}
