package dev.nitrate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The editor uses the engine's types (frames, films, shots, render outcomes), not copies of them. */
class EngineTypesTest {

    /** Engine types the editor once kept copies of; no class in the editor, nested or not, may take these names again. */
    private static final Set<String> ONCE_COPIED = Set.of("RgbFrame", "Rgb8", "Rgb16", "RgbPixels", "DecodedFrame",
            "FilmInfo", "FilmReader", "Shot", "Shots", "RenderOutcome");

    private final JavaClasses mainClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.nitrate");

    @Test
    void noEditorClassIsNamedLikeAnEngineClass() {
        Set<String> engineNames = mainClasses.stream()
                .filter(c -> c.getPackageName().startsWith("dev.nitrate.engine") && !c.isAnonymousClass())
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toSet());
        noClasses().that().resideInAPackage("dev.nitrate.app..").and().areTopLevelClasses()
                .should(named(engineNames, "an engine class"))
                .because("the editor uses the engine's types instead of copies (a thin adapter gets a name of its own)")
                .check(mainClasses);
    }

    @Test
    void theEditorDeclaresNoCopyOfTheEnginesFrameFilmShotOrOutcomeTypes() {
        noClasses().that().resideInAPackage("dev.nitrate.app..")
                .should(named(ONCE_COPIED, "a frame, film, shot or render-outcome type of the engine"))
                .check(mainClasses);
    }

    private static ArchCondition<JavaClass> named(Set<String> names, String what) {
        return ArchConditions.have(
                DescribedPredicate.describe("the simple name of " + what, (JavaClass c) -> names.contains(c.getSimpleName())));
    }
}
