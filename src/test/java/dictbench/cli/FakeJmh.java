package dictbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * A stand-in for a benchmarks jar in {@link AbCommandTest}: takes JMH-style arguments and writes a JMH JSON
 * result to the {@code -rff} file, so {@code dictbench ab}'s rounds, merging and comparison can be tested
 * without running JMH. Its own arguments: {@code ms=N} (each shot's time), {@code order=FILE} (appends its
 * {@code side} there, so a test sees the order of the rounds), {@code side=NAME}, {@code fail} (exit 3).
 */
public final class FakeJmh {
    private FakeJmh() {
    }

    public static void main(String[] args) throws IOException {
        double ms = 100;
        String side = System.getProperty("fake.side", "?");
        Path order = null;
        Path rff = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("ms=")) {
                ms = Double.parseDouble(a.substring(3));
            } else if (a.startsWith("order=")) {
                order = Path.of(a.substring(6));
            } else if (a.equals("fail")) {
                System.out.println("# Run progress: 0.00% complete\nbenchmark failed: boom");
                System.exit(3);
            } else if (a.equals("-rff")) {
                rff = Path.of(args[++i]);
            }
        }
        String jar = Path.of(FakeJmh.class.getProtectionDomain().getCodeSource().getLocation().getPath()).getFileName().toString();
        if (order != null) {
            Files.writeString(order, jar + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        if (jar.contains("slow")) {
            ms *= 1.2;
        }
        StringBuilder raw = new StringBuilder("[");
        for (int fork = 0; fork < 3; fork++) {
            raw.append(fork == 0 ? "[" : ",[");
            for (int shot = 0; shot < 4; shot++) {
                raw.append(shot == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", ms * (1 + 0.002 * ((fork * 4 + shot) % 5))));
            }
            raw.append("]");
        }
        raw.append("]");
        Files.writeString(rff, """
                [{"jmhVersion":"1.37","benchmark":"dictbench.bench.SequentialLoadBenchmark.load","mode":"ss","threads":1,
                  "forks":3,"jvm":"/j","jvmArgs":["-Xmx1g"],"jdkVersion":"25","vmName":"OpenJDK 64-Bit Server VM",
                  "params":{"cache":"warm"},
                  "primaryMetric":{"score":1.0,"scoreUnit":"ms/op","rawData":%s},"secondaryMetrics":{}}]
                """.formatted(raw));
        System.out.println("# Run complete. (" + side + ")");
    }
}
