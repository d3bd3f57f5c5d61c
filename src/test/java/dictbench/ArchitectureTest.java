package dictbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package rules every {@code package-info.java} states ("may import"), enforced on the compiled
 * main classes: a class that imports what its package may not fails this test, and so the build.
 */
class ArchitectureTest {

    /** Each dictbench package and the dictbench packages it may import (its own subpackages always). */
    static final Map<String, Set<String>> MAY_IMPORT = rules();

    /** Libraries a package may not touch: the work is plain code, the numbers pure. */
    static final Map<String, Set<String>> MAY_NOT_USE = Map.of(
            "load", Set.of("org.openjdk.jmh.."),
            "store", Set.of("org.openjdk.jmh.."),
            "run", Set.of("org.openjdk.jmh.."),
            "results", Set.of("org.openjdk.jmh.."),
            "report", Set.of("org.openjdk.jmh.."),
            "gate", Set.of("org.openjdk.jmh.."),
            "format", Set.of("org.openjdk.jmh..", "com.fasterxml.."),
            "stats", Set.of("org.openjdk.jmh..", "com.fasterxml..", "java.io..", "java.nio.file.."),
            "os", Set.of("org.openjdk.jmh..", "com.fasterxml.."));

    private static Map<String, Set<String>> rules() {
        Map<String, Set<String>> rules = new LinkedHashMap<>();
        rules.put("os", Set.of());
        rules.put("stats", Set.of());
        rules.put("run", Set.of());
        rules.put("dataset", Set.of("os"));
        rules.put("cache", Set.of("os"));
        rules.put("load", Set.of("dataset", "cache", "os"));
        rules.put("store", Set.of("dataset", "os"));
        rules.put("bench", Set.of("load", "store", "dataset", "cache", "os", "run"));
        rules.put("format", Set.of("stats", "os"));
        rules.put("results", Set.of("stats", "run", "os"));
        rules.put("report", Set.of("results", "format", "stats", "run"));
        rules.put("gate", Set.of("results", "format", "stats", "run"));
        rules.put("cli", Set.of("os", "stats", "run", "dataset", "cache", "load", "store", "bench", "results", "format", "report", "gate"));
        return rules;
    }

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dictbench");
    }

    static List<String> packages() {
        return List.copyOf(MAY_IMPORT.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void packageImportsOnlyWhatItsRulesAllow(String pkg) {
        rule(pkg).check(main);
    }

    /** {@code load.subprocess} is the protocol: the strategies use it, never the other way round. */
    @Test
    void theChildProcessProtocolDoesNotKnowTheStrategies() {
        noClasses().that().resideInAPackage("dictbench.load.subprocess")
                .should().dependOnClassesThat().resideInAPackage("dictbench.load")
                .because("load/subprocess/package-info says it may import only dataset and os")
                .check(main);
    }

    @Test
    void everyPackageHasARule() {
        Set<String> found = new TreeSet<>();
        main.forEach(c -> {
            String name = c.getPackageName();
            if (name.startsWith("dictbench.")) {
                found.add(name.substring("dictbench.".length()).split("\\.")[0]);
            }
        });
        assertEquals(new TreeSet<>(MAY_IMPORT.keySet()), found, "a package without a rule, or a rule without a package");
    }

    @Test
    void aForbiddenImportFailsTheRule() {
        // this class depends on ArchUnit, so a rule forbidding that must fail on it: the rules can fail at all
        JavaClasses self = new ClassFileImporter().importClasses(ArchitectureTest.class);
        ArchRule rule = noClasses().that().resideInAPackage("dictbench")
                .should().dependOnClassesThat().resideInAnyPackage("com.tngtech.archunit..");
        assertThrows(AssertionError.class, () -> rule.check(self));
    }

    static ArchRule rule(String pkg) {
        List<String> forbidden = new ArrayList<>();
        for (String other : MAY_IMPORT.keySet()) {
            if (!other.equals(pkg) && !MAY_IMPORT.get(pkg).contains(other)) {
                forbidden.add("dictbench." + other + "..");
            }
        }
        forbidden.addAll(MAY_NOT_USE.getOrDefault(pkg, Set.of()));
        return noClasses().that().resideInAPackage("dictbench." + pkg + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("package-info of dictbench." + pkg + " says it may import only " + MAY_IMPORT.get(pkg))
                .allowEmptyShould(true);
    }
}
