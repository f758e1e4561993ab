package org.gesturelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layering a newcomer expects: JavaFX only in {@code app}, the command line independent of the app. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gesturelab");

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

    @Test
    void coreDoesNotDependOnUserInterfaces() {
        noClasses().that().resideInAnyPackage("org.gesturelab.capture..", "org.gesturelab.keypoints..",
                        "org.gesturelab.models..", "org.gesturelab.dataset..", "org.gesturelab.classify..",
                        "org.gesturelab.active..", "org.gesturelab.task..")
                .should().dependOnClassesThat().resideInAnyPackage("org.gesturelab.app..", "org.gesturelab.cli..")
                .check(CLASSES);
    }
}
