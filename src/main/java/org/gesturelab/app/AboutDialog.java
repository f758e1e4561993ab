package org.gesturelab.app;

import javafx.scene.control.Alert;
import javafx.stage.Window;
import org.gesturelab.core.Version;
import org.gesturelab.app.common.Styles;

/** The About box: version, runtime, licences. */
final class AboutDialog {

    private AboutDialog() {
    }

    static void show(Window owner) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About GestureLab");
        alert.setHeaderText("GestureLab " + Version.get());
        alert.setContentText("Teach a computer new gestures: record, label what the model is unsure of, retrain.\n\n"
                + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version")
                + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n\n"
                + "Apache-2.0. The MediaPipe Holistic models are Apache-2.0 by Google.\n"
                + "Built with DJL (PyTorch, ONNX Runtime), JavaCV/FFmpeg and JavaFX.");
        alert.getDialogPane().getStylesheets().add(AboutDialog.class.getResource(Styles.STYLESHEET)
                .toExternalForm());
        alert.showAndWait();
    }
}
