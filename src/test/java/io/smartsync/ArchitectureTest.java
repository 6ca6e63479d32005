package io.smartsync;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The package arrows of DESIGN.md: each package uses only the packages listed for it. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                // ArchUnit's DO_NOT_INCLUDE_TESTS knows only target/test-classes; builds may use -DbuildDir.
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("io.smartsync");
    }

    static Stream<Arguments> arrows() {
        return Stream.of(
                Arguments.of("note", new String[] {}),
                Arguments.of("store", new String[] {"note"}),
                Arguments.of("caspio", new String[] {"note"}),
                Arguments.of("sync", new String[] {"note", "store", "caspio"}),
                Arguments.of("access", new String[] {"note", "store"}),
                Arguments.of("http", new String[] {"sync", "access", "note"}),
                Arguments.of("emulator", new String[] {"note"}),
                // cli's runtime (the service process it starts) and the parts it measures directly.
                Arguments.of("bench", new String[] {"cli", "emulator", "note", "store", "caspio"}));
    }

    @ParameterizedTest(name = "{0} depends only on {1}")
    @MethodSource("arrows")
    void package_depends_only_on_what_the_design_allows(String pkg, String[] allowed) {
        String[] packages = Stream.concat(Stream.of(pkg), Arrays.stream(allowed))
                .map(p -> "io.smartsync." + p + "..")
                .toArray(String[]::new);
        classes()
                .that()
                .resideInAPackage("io.smartsync." + pkg + "..")
                .should()
                .onlyDependOnClassesThat(
                        resideOutsideOfPackage("io.smartsync..").or(resideInAnyPackage(packages)))
                .check(production);
    }

    @Test
    void only_cli_offers_the_benchmark() {
        classes()
                .that()
                .resideInAPackage("io.smartsync.bench..")
                .should()
                .onlyHaveDependentClassesThat(resideInAnyPackage("io.smartsync.bench..", "io.smartsync.cli"))
                .check(production);
    }

    /**
     * The store is used through its ports ({@code Notes}, {@code Outbox}, …) and {@code Store.open}: the
     * JDBC implementations, their SQL and the shared transaction plumbing are the store's own.
     */
    @Test
    void store_internals_are_not_reachable_from_outside_the_store() {
        DescribedPredicate<JavaClass> internals = simpleNameStartingWith("Jdbc")
                .or(simpleNameEndingWith("Sql"))
                .or(simpleNameEndingWith("Stores"))
                .or(simpleNameStartingWith("Postgres"))
                .or(simpleName("Database"))
                .or(simpleName("Dialect"))
                .or(simpleName("Tx"))
                .or(simpleName("ChangeLog"))
                .or(simpleName("MergeWrite"))
                .or(simpleName("Coalescing"))
                .or(simpleName("LockKeys"))
                .or(simpleName("SingleInstance"));
        classes()
                .that()
                .resideInAPackage("io.smartsync.store")
                .and(internals)
                .should()
                .notBePublic()
                .andShould()
                .onlyHaveDependentClassesThat(resideInAnyPackage("io.smartsync.store"))
                .check(production);
        noClasses()
                .that()
                .resideOutsideOfPackage("io.smartsync.store..")
                .should()
                .dependOnClassesThat(resideInAnyPackage("org.jdbi..", "com.zaxxer..", "org.flywaydb.."))
                .check(production);
    }
}
