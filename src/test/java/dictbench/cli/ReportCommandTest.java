package dictbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.results.ResultsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    @TempDir
    Path dir;

    static final String SEQUENTIAL = """
            [{"jmhVersion":"1.37","benchmark":"dictbench.bench.SequentialLoadBenchmark.load","mode":"ss","threads":1,"forks":1,
              "jvmArgs":[],"jdkVersion":"25","vmName":"VM","params":{"dataset":"smoke","format":"binary","cache":"warm"},
              "primaryMetric":{"score":10,"scoreUnit":"ms/op","rawData":[[10.0,11.0,12.0]]},"secondaryMetrics":{}}]
            """;

    @Test
    void writesTheReportIntoTheResultsDirectory() throws Exception {
        Files.writeString(dir.resolve("jmh.json"), SEQUENTIAL);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(ExitCodes.OK, cli.execute(dir.toString()));
        for (String f : new String[] {"report.md", "report.csv", "report.html"}) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f);
            assertTrue(out.toString().contains("wrote " + dir.resolve(f)), out.toString());
        }
        assertTrue(Files.readString(dir.resolve("report.md")).contains("| smoke | binary | warm | sequential | 1 | 11.0 ms"));
    }

    @Test
    void malformedResultsThrowNamingTheFile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"not\": \"jmh\"}");
        ReportCommand command = new ReportCommand();
        new CommandLine(command).parseArgs(bad.toString());
        ResultsException e = assertThrows(ResultsException.class, command::call);
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("report.md")), "nothing written on bad input");
    }

    @Test
    void needsAtLeastOneInput() {
        CommandLine cli = new CommandLine(new ReportCommand());
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(ExitCodes.BAD_INPUT, cli.execute());
    }
}
