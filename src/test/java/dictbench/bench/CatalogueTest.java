package dictbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dictbench.run.Catalogue;
import dictbench.run.Counter;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/** Ties the vocabulary in {@code dictbench.run} to the JMH classes that use it. */
class CatalogueTest {

    /** What each counter group's {@code @AuxCounters} class is. */
    static final Map<Counter.Group, Class<?>> COUNTER_CLASSES = Map.of(
            Counter.Group.SHOT, ShotCounters.class, Counter.Group.LOAD, LoadCounters.class, Counter.Group.MEMORY, MemoryCounters.class,
            Counter.Group.SUBPROCESS, SubprocessCounters.class);

    @ParameterizedTest
    @EnumSource(Catalogue.class)
    void theCommandLineTakesTheTablesNameAndTheClassName(Catalogue entry) {
        String tableName = entry.label(Map.of("mode", "pool", "reader", "razorvine"));
        assertEquals(Optional.of(entry), Catalogue.named(tableName), tableName);
        assertEquals(Optional.of(entry), Catalogue.named(entry.className()), entry.className());
    }

    @Test
    void subprocessIsNamedWithOrWithoutItsModeAndNothingElseMatches() {
        for (String name : List.of("subprocess", "subprocess-spawn", "subprocess-pool")) {
            assertEquals(Optional.of(Catalogue.SUBPROCESS), Catalogue.named(name), name);
        }
        for (String name : List.of("subprocess-fork", "Platform", "platform-split", "", "LoadBenchmark")) {
            assertEquals(Optional.empty(), Catalogue.named(name), name);
        }
    }

    @ParameterizedTest
    @EnumSource(Catalogue.class)
    void eachEntryIsABenchmarkClassWithItsParams(Catalogue entry) throws ClassNotFoundException {
        Class<?> c = Class.forName(entry.qualifiedClassName());
        assertTrue(Arrays.stream(c.getMethods()).anyMatch(m -> m.isAnnotationPresent(Benchmark.class)), c + " has no @Benchmark");
        Set<String> params = new TreeSet<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            Arrays.stream(k.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Param.class)).forEach(f -> params.add(f.getName()));
        }
        params.removeAll(Set.of("dataset", "format"));
        assertEquals(new TreeSet<>(entry.params()), params, entry + ": the catalogue's params against the class's @Params");
    }

    @Test
    void everyBenchmarkClassIsInTheCatalogue() throws IOException, URISyntaxException {
        Path dir = Path.of(SequentialLoadBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dictbench/bench");
        Set<String> withBenchmarks = new TreeSet<>();
        try (Stream<Path> classes = Files.list(dir)) {
            for (Path p : classes.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
                String name = p.getFileName().toString().replace(".class", "");
                try {
                    Class<?> c = Class.forName("dictbench.bench." + name);
                    if (!Modifier.isAbstract(c.getModifiers())
                            && Arrays.stream(c.getMethods()).anyMatch((Method m) -> m.isAnnotationPresent(Benchmark.class))) {
                        withBenchmarks.add(name);
                    }
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertEquals(Arrays.stream(Catalogue.values()).map(Catalogue::className).collect(Collectors.toCollection(TreeSet::new)), withBenchmarks);
    }

    @ParameterizedTest
    @EnumSource(Counter.Group.class)
    void everyCounterFieldIsACatalogueCounterAndBack(Counter.Group group) {
        Class<?> c = COUNTER_CLASSES.get(group);
        assertTrue(c.isAnnotationPresent(AuxCounters.class), c + " is not @AuxCounters");
        // JMH takes every public non-static field of an @AuxCounters state as a counter
        Set<String> fields = Arrays.stream(c.getFields()).filter(f -> !Modifier.isStatic(f.getModifiers()))
                .map(Field::getName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalogued = Arrays.stream(Counter.values()).filter(k -> k.group() == group)
                .map(Counter::key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(catalogued, fields, c.getSimpleName() + "'s counter fields against run.Counter");
    }

    @Test
    void labelsAreUniqueAndNameTheMode() {
        assertEquals(Catalogue.values().length, Arrays.stream(Catalogue.values()).map(Catalogue::baseLabel).distinct().count());
        assertEquals("subprocess-pool", Catalogue.SUBPROCESS.label(Map.of("mode", "pool")));
        assertEquals("platform-split", Catalogue.PLATFORM.label(Map.of("split", "true", "threads", "2")));
        assertEquals(List.of(), Catalogue.DECODE.params());
    }
}
