package dictbench.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The scripts and the pom start JVMs with the flags the Java side gives its forks and children: one list. */
class JvmFlagsTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir"));

    @Test
    void theScriptsGiveEveryJvmTheSameFlags() throws IOException {
        Matcher m = Pattern.compile("(?m)^DICTBENCH_JVM_FLAGS=\\((.*)\\)$").matcher(Files.readString(ROOT.resolve("scripts/lib/common.sh")));
        assertTrue(m.find(), "common.sh sets DICTBENCH_JVM_FLAGS");
        assertEquals(JvmFlags.ACCESS, Arrays.asList(m.group(1).trim().split("\\s+")));
    }

    @Test
    void thePomGivesTheTestsTheSameFlags() throws IOException {
        Matcher m = Pattern.compile("<jvm.flags>(.*)</jvm.flags>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find(), "the pom sets jvm.flags");
        assertEquals(JvmFlags.ACCESS, List.of(m.group(1).trim().split("\\s+")));
    }

    @Test
    void onlyAccessFlagsAreTakenForAccessFlags() {
        JvmFlags.ACCESS.forEach(f -> assertTrue(JvmFlags.grantsAccessOnly(f), f));
        assertTrue(JvmFlags.grantsAccessOnly("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"));
        for (String f : List.of("-Xmx4g", "-XX:+UseParallelGC", "-Ddictbench.root=/x", "--sun-misc-unsafe-memory-access=warn")) {
            assertFalse(JvmFlags.grantsAccessOnly(f), f);
        }
    }
}
