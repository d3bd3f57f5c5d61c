package dictbench.os;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The git checkout a run was made from, asked of {@code git} itself: its {@code HEAD} commit, and whether
 * tracked files differ from it (untracked files, such as the run being written, do not count).
 *
 * @param commit the 40-hex-digit commit of {@code HEAD}
 * @param dirty  whether a tracked file differs from that commit
 */
public record GitCheckout(String commit, boolean dirty) {

    private static final long TIMEOUT_SECONDS = 10;

    /** The checkout at {@code dir}; empty if it is not one or git is not installed. */
    public static Optional<GitCheckout> at(Path dir) {
        Optional<String> head = git(dir, "rev-parse", "--verify", "HEAD");
        if (head.isEmpty() || !head.get().matches("[0-9a-f]{40}")) {
            return Optional.empty();
        }
        return git(dir, "status", "--porcelain", "--untracked-files=no")
                .map(status -> new GitCheckout(head.get(), !status.isEmpty()));
    }

    /** {@code git -C dir args…}'s output, stripped, if it exits 0. */
    private static Optional<String> git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            byte[] bytes = out.readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }
}
