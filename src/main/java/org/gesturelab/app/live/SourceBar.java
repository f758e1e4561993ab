package org.gesturelab.app.live;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import org.gesturelab.app.common.Styles;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.capture.FrameSources;

/**
 * The source picker's controls (choice box, Open video, Play/Stop, frame rate) and the no-camera banner, bound to a
 * {@link SourcePicker}. The Live and Record screens each place their own copy.
 */
public final class SourceBar {

    private final SourcePicker picker;
    private final SettingsStore settings;
    private final HBox bar;
    private final HBox banner;

    /**
     * Builds the controls.
     *
     * @param picker the shared state
     * @param settings where the last folder is remembered
     * @param idPrefix prefixes the controls' ids ("live", "record"), so tests find the right copy
     */
    public SourceBar(SourcePicker picker, SettingsStore settings, String idPrefix) {
        this.picker = picker;
        this.settings = settings;

        ComboBox<SourceChoice> choices = new ComboBox<>(picker.sources());
        choices.setId(idPrefix + "-source");
        choices.setPromptText("Choose a source");
        choices.setPrefWidth(280);
        choices.valueProperty().bindBidirectional(picker.selectedProperty());
        choices.setOnAction(event -> {
            if (picker.playingProperty().get() && choices.getValue() != null) {
                picker.play();
            }
        });

        Button open = new Button("Open video…");
        open.setId(idPrefix + "-open-video");
        open.setTooltip(new Tooltip("Play a video file as if it were a camera"));
        open.setOnAction(event -> chooseVideo(path -> {
            picker.addVideo(path);
            picker.play();
        }));

        Button play = new Button();
        play.setId(idPrefix + "-play");
        play.textProperty().bind(Bindings.when(picker.playingProperty()).then("■  Stop").otherwise("▶  Start"));
        play.disableProperty().bind(picker.selectedProperty().isNull());
        play.getStyleClass().add(Styles.ACCENT);
        play.setOnAction(event -> {
            if (picker.playingProperty().get()) {
                picker.stop();
            } else {
                picker.play();
            }
        });

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label fps = new Label();
        fps.setId(idPrefix + "-fps");
        fps.getStyleClass().add(Styles.MUTED);
        fps.textProperty().bind(Bindings.createStringBinding(() -> picker.playingProperty().get()
                ? String.format(Locale.ROOT, "%.0f fps", picker.fpsProperty().get()) : "", picker.fpsProperty(),
                picker.playingProperty()));
        bar = new HBox(8, new Label("Source"), choices, open, play, spacer, fps);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId(idPrefix + "-banner-message");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.createStringBinding(() -> picker.errorProperty().get() != null
                ? picker.errorProperty().get()
                : "No camera found. Open a video file to try GestureLab with recorded footage, or use the test "
                        + "pattern.", picker.errorProperty()));
        Button bannerOpen = new Button("Open video file…");
        bannerOpen.setId(idPrefix + "-banner-open-video");
        bannerOpen.getStyleClass().add(Styles.ACCENT);
        bannerOpen.setOnAction(open.getOnAction());
        Button testPattern = new Button("Use test pattern");
        testPattern.setOnAction(event -> {
            picker.selectedProperty().set(SourceChoice.TEST_PATTERN);
            picker.play();
        });
        Label icon = new Label("⚠");
        icon.setStyle("-fx-font-size: 18px; -fx-text-fill: #b45309;");
        Styles.keepWidth(bannerOpen, testPattern);
        // The technical detail (FFmpeg's own words) is folded away behind a link.
        Label detail = new Label();
        detail.setId(idPrefix + "-banner-detail");
        detail.setWrapText(true);
        detail.getStyleClass().add(Styles.MUTED);
        detail.textProperty().bind(picker.errorDetailProperty());
        detail.setVisible(false);
        detail.managedProperty().bind(detail.visibleProperty());
        javafx.scene.control.Hyperlink details = new javafx.scene.control.Hyperlink("Details");
        details.setId(idPrefix + "-banner-details");
        details.visibleProperty().bind(picker.errorDetailProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        details.setOnAction(event -> detail.setVisible(!detail.isVisible()));
        picker.errorDetailProperty().addListener((obs, old, now) -> detail.setVisible(false));
        // The buttons sit under the message so that neither is squeezed at 1280 pixels.
        HBox actions = new HBox(8, bannerOpen, testPattern, details);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox text = new VBox(8, message, actions, detail);
        HBox.setHgrow(text, Priority.ALWAYS);
        banner = new HBox(12, icon, text);
        banner.setId(idPrefix + "-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().addAll(Styles.BANNER, Styles.BANNER_WARNING);
        banner.visibleProperty().bind(picker.errorProperty().isNotNull()
                .or(picker.noCameraProperty().and(picker.playingProperty().not())));
        banner.managedProperty().bind(banner.visibleProperty());
    }

    /** Returns the row of controls. */
    public Node bar() {
        return bar;
    }

    /** Returns the banner shown when there is no camera or the source failed. */
    public Node banner() {
        return banner;
    }

    private void chooseVideo(Consumer<Path> then) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a video");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Videos",
                FrameSources.VIDEO_EXTENSIONS.stream().sorted().map(e -> "*." + e).toList()));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        String last = settings.get().lastDirectory();
        if (last != null && new File(last).isDirectory()) {
            chooser.setInitialDirectory(new File(last));
        }
        File file = chooser.showOpenDialog(bar.getScene() == null ? null : bar.getScene().getWindow());
        if (file != null) {
            settings.update(s -> s.withLastDirectory(file.getParent()));
            then.accept(file.toPath());
        }
    }
}
