package dev.nitrate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine is pure Java: the desktop app and the command line sit on top of it, never inside it. */
class EngineBoundaryTest {

    private final JavaClasses mainClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.nitrate");

    @Test
    void engineDependsOnNeitherJavaFxNorTheFrontEnds() {
        noClasses().that().resideInAPackage("dev.nitrate.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..",
                        "dev.nitrate.app..", "dev.nitrate.cli..", "picocli..")
                .check(mainClasses);
    }

    @Test
    void commandLineDoesNotUseTheDesktopApp() {
        noClasses().that().resideInAPackage("dev.nitrate.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.nitrate.app..")
                .check(mainClasses);
    }

    @Test
    void enginePackagesAreFreeOfCycles() {
        slices().matching("dev.nitrate.engine.(*)..").should().beFreeOfCycles()
                .check(mainClasses);
    }
}
