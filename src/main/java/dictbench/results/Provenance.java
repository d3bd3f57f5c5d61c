package dictbench.results;

import dictbench.os.GitCheckout;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What made a run, recorded in its {@code environment.json}: the checkout's commit and whether tracked files
 * differed from it, the SHA-256 of the jar that ran, the command line, the suite, an optional label, and when
 * the run started and finished. Forks × shots are in the JMH JSON itself, per benchmark.
 *
 * @param commit    the checkout's {@code HEAD} ({@code "unknown"} outside a git checkout)
 * @param dirty     whether a tracked file differed from {@code commit}: the run measured uncommitted code
 * @param jarSha256 SHA-256 of the jar the command ran from ({@code "unknown"} when it ran from classes)
 * @param command   the command line, as typed after {@code dictbench}
 * @param suite     the suite ({@code full}, {@code quick}, {@code gate}), or the command for a run of no suite
 * @param label     {@code --label}, or null
 * @param started   when the run started (ISO-8601)
 * @param finished  when its last fork ended (ISO-8601)
 */
public record Provenance(String commit, boolean dirty, String jarSha256, String command, String suite, String label,
                         String started, String finished) {

    public static final String UNKNOWN = "unknown";

    /**
     * A run of {@code command} that started at {@code started} and finishes now, made from {@code git} (the checkout as the
     * run started; empty: unknown) with {@code jar} (empty: unknown).
     */
    public static Provenance of(Optional<GitCheckout> git, Optional<Path> jar, String command, String suite, String label, Instant started)
            throws IOException {
        return new Provenance(git.map(GitCheckout::commit).orElse(UNKNOWN), git.map(GitCheckout::dirty).orElse(false),
                jar.isPresent() ? sha256(jar.get()) : UNKNOWN, command, suite, label, started.truncatedTo(ChronoUnit.SECONDS).toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /** The jar this code was loaded from; empty when it ran from a classes directory. */
    public static Optional<Path> ownJar() {
        try {
            Path jar = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** One line for a report's header: commit (dirty), command, label, when. */
    public String describe() {
        return "commit " + shortCommit() + (dirty ? " with uncommitted changes" : "") + " · dictbench " + command
                + (label == null ? "" : " · label \"" + label + "\"") + " · " + started + " to " + finished;
    }

    /** From start to end. */
    public java.time.Duration duration() {
        return java.time.Duration.between(Instant.parse(started), Instant.parse(finished));
    }

    /** The first 7 digits of the commit, as git abbreviates it. */
    public String shortCommit() {
        return commit.length() > 7 && commit.matches("[0-9a-f]+") ? commit.substring(0, 7) : commit;
    }

    private static String sha256(Path jar) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
