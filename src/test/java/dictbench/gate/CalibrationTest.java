package dictbench.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dictbench.gate.Calibration.Rule;
import dictbench.gate.ComparisonTest.Runs;
import dictbench.results.ResultsException;
import dictbench.stats.PerformanceChange;
import dictbench.stats.Proportion;
import dictbench.stats.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationTest {

    @TempDir
    Path dir;

    /** 5 forks x 10 shots around {@code median} with 1% noise, as a ci-perf run of two benchmarks. */
    private void run(String label, double factor, long seed) throws IOException {
        Random random = new Random(seed);
        Runs.write(dir.resolve("runs").resolve(label), Runs.environment(),
                Runs.load(ComparisonTest.LOAD, 2, samples(random, 200 * factor)),
                Runs.load(ComparisonTest.SEQ, 1, samples(random, 400 * factor)));
    }

    private static Samples samples(Random random, double median) {
        double[][] forks = new double[5][10];
        for (double[] fork : forks) {
            for (int i = 0; i < fork.length; i++) {
                fork[i] = median * (1 + 0.01 * random.nextGaussian());
            }
        }
        return Samples.of(forks);
    }

    @Test
    void countsFalseAlarmsAndDetectionsPerRule() throws IOException {
        run("a-01", 1, 1);
        run("a-02", 1, 2);
        run("a-03", 1, 3);
        run("slowed20-01", 1.2, 4);
        run("slowed3-01", 1.03, 5);
        Calibration c = Calibration.of(dir, PerformanceChange.Settings.defaults());

        assertEquals(List.of(0, 3, 20), c.levels());
        assertEquals(new Proportion(0, 3), c.alarms(0, Rule.GATE), "3 a/a pairs, none alarmed");
        assertEquals(new Proportion(3, 3), c.alarms(20, Rule.GATE), "a 20% slowdown, against each of 3 baselines");
        assertEquals(new Proportion(6, 6), c.flaggedBenchmarks(20, Rule.GATE));
        assertEquals(new Proportion(3, 3), c.alarms(20, Rule.RATIO_5));
        assertEquals(new Proportion(0, 3), c.alarms(20, Rule.RATIO_200), "200% misses a 20% slowdown");
        // 3% is inside the gate's 5% threshold and the ratio rule's band: neither may call it a regression
        assertEquals(0, c.alarms(3, Rule.GATE).k());
        assertEquals(0, c.alarms(3, Rule.RATIO_5).k());
        assertEquals(6, c.verdicts(20).get(PerformanceChange.Verdict.REGRESSED));
        assertEquals(1.2, dictbench.stats.Descriptive.median(c.ratios(20)), 0.01);

        String markdown = c.markdown();
        assertTrue(markdown.contains("0/3 = 0% [0, 71]"), markdown);
        assertTrue(markdown.contains("3/3 = 100% [29, 100]"), markdown);
        JsonNode json = new ObjectMapper().readTree(c.json());
        assertEquals(3, json.path("levels").get(2).path("gate").path("pairsAlarmed").path("k").asInt());
        assertEquals(3 + 3 + 3, json.path("pairs").size());
    }

    @Test
    void refusesWhatIsNotACalibration() throws IOException {
        assertThrows(NoSuchFileException.class, () -> Calibration.of(dir, PerformanceChange.Settings.defaults()));
        run("a-01", 1, 1);
        ResultsException tooFew = assertThrows(ResultsException.class, () -> Calibration.of(dir, PerformanceChange.Settings.defaults()));
        assertTrue(tooFew.getMessage().contains("at least 2"), tooFew.getMessage());
        Files.createDirectories(dir.resolve("runs").resolve("baseline"));
        ResultsException label = assertThrows(ResultsException.class, () -> Calibration.of(dir, PerformanceChange.Settings.defaults()));
        assertTrue(label.getMessage().contains("a-NN or slowedP-NN"), label.getMessage());
    }

    @Test
    void theGateRuleNamesTheSettingsItWasJudgedWith() {
        assertEquals("dictbench gate (threshold 5%, α 0.01, Holm: REGRESSED)", Rule.GATE.description(PerformanceChange.Settings.defaults()));
        assertEquals("dictbench gate (threshold 10%, α 0.05, Benjamini–Hochberg: REGRESSED)", Rule.GATE.description(
                PerformanceChange.Settings.defaults().withThreshold(0.10).withAlpha(0.05).withCorrection(PerformanceChange.Correction.BENJAMINI_HOCHBERG)));
    }
}
