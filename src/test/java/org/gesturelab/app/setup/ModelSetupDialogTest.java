package org.gesturelab.app.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.app.setup.ModelSetupViewModel.Phase;
import org.gesturelab.mediapipe.ModelConverter;
import org.gesturelab.mediapipe.ModelInstaller;
import org.gesturelab.mediapipe.ModelPackage;
import org.gesturelab.mediapipe.convert.TensorSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the first-start dialog against the real installer and the real npm tarball (fetched with {@code npm pack}
 * once into the model tests' cache, see {@code InstalledModels}), with a converter that copies bytes: the converter has its own
 * tests, this one checks the dialog.
 */
@ExtendWith(ApplicationExtension.class)
class ModelSetupDialogTest {

    @TempDir
    Path folder;

    private FxBackgroundExecutor executor;
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        executor = new FxBackgroundExecutor(1);
        stage.setScene(new javafx.scene.Scene(new Label("GestureLab"), 400, 300));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    private static final ModelConverter COPYING = (tflite, onnx) -> {
        Files.copy(tflite, onnx);
        return new ModelConverter.Signature(List.of(new TensorSpec("input", new int[] {1})),
                List.of(new TensorSpec("output", new int[] {1})));
    };

    @Test
    void installNowFetchesAndInstallsWithProgress(FxRobot robot) throws Exception {
        // The pinned package as the other model tests get it: npm pack, once, into the shared test cache.
        Path tarball = org.gesturelab.mediapipe.InstalledModels.packageTarball();
        // The real converter: the installer checks every converted model against its pinned SHA-256.
        ModelInstaller installer = new ModelInstaller(ModelPackage.HOLISTIC, (modelPackage, workDir, monitor) ->
                Files.copy(tarball, workDir.resolve(tarball.getFileName())), ModelConverter.tfliteToOnnx());
        Path models = folder.resolve("models");
        ModelSetupViewModel viewModel = new ModelSetupViewModel(installer, models, executor);
        robot.interact(() -> {
            viewModel.check();
            new ModelSetupDialog(owner, viewModel).show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.phaseProperty().get() == Phase.NEEDED);
        assertTrue(robot.lookup("#setup-message").queryAs(Label.class).getText().contains("not installed"));

        robot.clickOn("#setup-install");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel.phaseProperty().get() != Phase.INSTALLING);
        assertEquals(Phase.READY, viewModel.phaseProperty().get(), viewModel.messageProperty().get());
        assertTrue(installer.status(models).isInstalled());
        robot.clickOn("#setup-close");
    }

    @Test
    void aFailedFetchExplainsWhatToDo(FxRobot robot) throws Exception {
        ModelInstaller installer = new ModelInstaller(ModelPackage.HOLISTIC, (modelPackage, workDir, monitor) -> {
            throw new org.gesturelab.core.GestureLabException("npm was not found. Install Node.js, or choose a tarball.");
        }, COPYING);
        ModelSetupViewModel viewModel = new ModelSetupViewModel(installer, folder.resolve("models"), executor);
        robot.interact(() -> {
            viewModel.check();
            new ModelSetupDialog(owner, viewModel).show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.phaseProperty().get() == Phase.NEEDED);
        robot.clickOn("#setup-install");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.phaseProperty().get() == Phase.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#setup-message").queryAs(Label.class).getText().contains("npm was not found"));
        assertTrue(robot.lookup("#setup-choose").query().isVisible());
        robot.clickOn("#setup-close");
    }
}
