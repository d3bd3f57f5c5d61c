package dictbench.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCheckoutTest {

    @TempDir
    Path dir;

    @Test
    void aCheckoutNamesItsHeadAndWhetherATrackedFileChanged() throws Exception {
        assumeTrue(git(dir, "--version") == 0, "git is not installed");
        git(dir, "init", "-q");
        Files.writeString(dir.resolve("a.txt"), "one\n");
        git(dir, "add", "a.txt");
        assertEquals(0, git(dir, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one"));
        String head = output(dir, "rev-parse", "HEAD");

        assertEquals(Optional.of(new GitCheckout(head, false)), GitCheckout.at(dir));
        Files.writeString(dir.resolve("untracked.json"), "{}"); // a run being written is untracked: still clean
        assertEquals(Optional.of(new GitCheckout(head, false)), GitCheckout.at(dir));
        Files.writeString(dir.resolve("a.txt"), "two\n");
        assertEquals(Optional.of(new GitCheckout(head, true)), GitCheckout.at(dir));
    }

    @Test
    void aDirectoryThatIsNoCheckoutHasNone() throws IOException {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(dir.resolve(".git"), "gitdir: /nonexistent\n"); // not even a parent's broken checkout makes it one
        assertFalse(GitCheckout.at(plain).isPresent());
        assertFalse(GitCheckout.at(dir.resolve("missing")).isPresent());
    }

    private static int git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException notInstalled) {
            return -1;
        }
    }

    private static String output(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertTrue(p.waitFor() == 0 && out.matches("[0-9a-f]{40}"), out);
        return out;
    }
}
