package org.gesturelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Keeps the flow a newcomer reads in the README: {@code core} at the bottom, then
 * {@code capture → mediapipe → keypoints → dataset → classify → active → workflow → app | cli}, with the launcher on
 * top; no package cycles; JavaFX only in {@code app}; the command line independent of the app. The Spark job
 * ({@code spark}) is a top layer of its own beside {@code app} and {@code cli}, used by nothing.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gesturelab");

    /** The layer order. A layer may use any layer before it in this list and none after it. */
    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Core").definedBy("org.gesturelab.core..")
            .layer("Capture").definedBy("org.gesturelab.capture..")
            .layer("MediaPipe").definedBy("org.gesturelab.mediapipe..")
            .layer("Keypoints").definedBy("org.gesturelab.keypoints..")
            .layer("Dataset").definedBy("org.gesturelab.dataset..")
            .layer("Classify").definedBy("org.gesturelab.classify..")
            .layer("Active").definedBy("org.gesturelab.active..")
            .layer("Workflow").definedBy("org.gesturelab.workflow..")
            .layer("App").definedBy("org.gesturelab.app..")
            .layer("Cli").definedBy("org.gesturelab.cli..")
            .layer("Spark").definedBy("org.gesturelab.spark..")
            .layer("Launcher").definedBy("org.gesturelab")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("Spark").mayNotBeAccessedByAnyLayer()
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("App").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Workflow").mayOnlyBeAccessedByLayers("App", "Cli", "Launcher")
            .whereLayer("Active").mayOnlyBeAccessedByLayers("Workflow", "App", "Cli", "Launcher")
            .whereLayer("Classify").mayOnlyBeAccessedByLayers("Active", "Workflow", "App", "Cli", "Launcher")
            .whereLayer("Dataset").mayOnlyBeAccessedByLayers("Classify", "Active", "Workflow", "App", "Cli",
                    "Launcher")
            .whereLayer("Keypoints").mayOnlyBeAccessedByLayers("Dataset", "Classify", "Active", "Workflow", "App",
                    "Cli", "Launcher", "Spark")
            .whereLayer("MediaPipe").mayOnlyBeAccessedByLayers("Keypoints", "Dataset", "Classify", "Active",
                    "Workflow", "App", "Cli", "Launcher", "Spark")
            .whereLayer("Capture").mayOnlyBeAccessedByLayers("MediaPipe", "Keypoints", "Dataset", "Classify",
                    "Active", "Workflow", "App", "Cli", "Launcher", "Spark");

    /** Every package, sub-packages included ({@code app.common} and {@code app.settings} are two slices). */
    static final ArchRule NO_CYCLES = slices().matching("org.gesturelab.(**)").should().beFreeOfCycles();

    @Test
    void packagesFollowTheLayerOrder() {
        LAYERS.check(CLASSES);
    }

    @Test
    void packagesFormNoCycles() {
        NO_CYCLES.check(CLASSES);
    }

    @Test
    void theSharedVocabularyImportsNoOtherGestureLabPackage() {
        noClasses().that().resideInAPackage("org.gesturelab.core..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.gesturelab.core..", "java..",
                        "javax..", "com.fasterxml..", "org.slf4j..")
                .check(CLASSES);
    }

    @Test
    void onlyTheAppImportsJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.gesturelab.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void commandLineDoesNotDependOnTheApp() {
        noClasses().that().resideInAPackage("org.gesturelab.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.gesturelab.app..")
                .check(CLASSES);
    }
}
