package org.gesturelab.app.record;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.gesturelab.app.common.Shortcut;
import org.gesturelab.app.common.ScreenHeader;
import org.gesturelab.app.common.Counts;
import org.gesturelab.app.common.Styles;
import org.gesturelab.app.common.VideoView;
import org.gesturelab.app.live.SourceBar;
import org.gesturelab.app.live.SourcePicker;
import org.gesturelab.app.record.RecordViewModel.ClassRow;
import org.gesturelab.app.record.RecordViewModel.Phase;
import org.gesturelab.app.record.RecordViewModel.Target;
import org.gesturelab.app.common.SettingsStore;

/** The Record screen's layout, bound to a {@link RecordViewModel}. */
public final class RecordView {

    private final RecordViewModel viewModel;
    private final VideoView video = new VideoView();
    private final VBox root;
    private final ToggleGroup targets = new ToggleGroup();

    /**
     * Builds the view.
     *
     * @param viewModel the state
     * @param picker the shared source picker
     * @param settings the remembered settings
     */
    public RecordView(RecordViewModel viewModel, SourcePicker picker, SettingsStore settings) {
        this.viewModel = viewModel;
        SourceBar sources = new SourceBar(picker, settings, "record");
        VBox header = ScreenHeader.of("Record",
                "Add your gestures, then record a few clips of each. Every clip is saved at once.");

        video.setId("record-video");
        // Another source, or the source failed: the last picture of the old one does not stay up.
        picker.selectedProperty().addListener((obs, old, now) -> video.clear());
        picker.errorProperty().addListener((obs, old, now) -> {
            if (now != null) {
                video.clear();
            }
        });
        StackPane stage = new StackPane(video, VideoView.idleHint("record-idle-hint", picker.playingProperty()),
                recordingIndicator(), countdownOverlay());
        stage.getStyleClass().add(Styles.VIDEO_PANE);
        stage.setMinSize(320, 240);
        HBox.setHgrow(stage, Priority.ALWAYS);

        HBox body = new HBox(14, classesCard(), stage, takeCard());
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(header, sources.bar(), sources.banner(), body);
        root.getStyleClass().add(Styles.SCREEN);
        root.setId("record-screen");
    }

    /**
     * Handles the recording keys: R starts or stops, Esc stops, a class's key selects it.
     *
     * @param event a key press
     * @return whether it was one of them
     */
    boolean onKey(javafx.scene.input.KeyEvent event) {
        if (Shortcut.RECORD.matches(event)) {
            toggleRecording();
            return true;
        }
        if (Shortcut.STOP_RECORDING.matches(event) && viewModel.phaseProperty().get() != Phase.IDLE) {
            viewModel.stop();
            return true;
        }
        return !event.getText().isEmpty() && !event.isShortcutDown() && viewModel.selectByShortcut(event.getText());
    }

    /** Returns the root node. */
    public Node root() {
        return root;
    }

    /** Returns the video view. */
    public VideoView video() {
        return video;
    }

    private void toggleRecording() {
        if (viewModel.phaseProperty().get() == Phase.IDLE) {
            if (viewModel.needsPerson() && !askPerson()) {
                return;
            }
            viewModel.start(targets.getSelectedToggle() == null ? Target.CLASS
                    : (Target) targets.getSelectedToggle().getUserData());
        } else {
            viewModel.stop();
        }
    }

    /**
     * Asks who is recording, once per computer (and again from "Change…").
     *
     * @return whether the user answered (a blank answer means unknown); false when cancelled
     */
    private boolean askPerson() {
        TextInputDialog dialog = new TextInputDialog(viewModel.recordingPersonProperty().get());
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Who is recording?");
        dialog.setHeaderText("Who is recording?");
        dialog.setContentText("Name");
        dialog.getEditor().setId("record-person-name");
        dialog.getDialogPane().setId("record-person-dialog");
        Label why = new Label("Each clip remembers who recorded it, so that GestureLab can tell how well a "
                + "recognizer works on people it was not trained on. Leave it empty to record as unknown.");
        why.setWrapText(true);
        why.setMaxWidth(360);
        dialog.getDialogPane().setExpandableContent(null);
        dialog.getDialogPane().setContent(new VBox(8, why, new HBox(8, new Label("Name"), dialog.getEditor())));
        return dialog.showAndWait().map(viewModel::setRecordingPerson).orElse(false);
    }

    private Node recordingIndicator() {
        Label rec = new Label();
        rec.setId("record-indicator");
        rec.getStyleClass().add(Styles.RECORDING);
        rec.textProperty().bind(Bindings.createStringBinding(() -> {
            if (viewModel.target() == Target.POOL) {
                return "●  REC  unlabeled footage";
            }
            return String.format(Locale.ROOT, "●  REC  %s  ·  clip %d of %d", viewModel.takeClassName() == null
                    ? "" : viewModel.takeClassName(), viewModel.clipNumberProperty().get(), viewModel.takeClips());
        }, viewModel.phaseProperty(), viewModel.clipNumberProperty()));
        rec.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.RECORDING));
        StackPane.setAlignment(rec, Pos.TOP_LEFT);
        StackPane.setMargin(rec, new javafx.geometry.Insets(14));
        // A red frame around the whole video makes recording unmistakable even out of the corner of an eye.
        Region border = new Region();
        border.setStyle("-fx-border-color: #dc2626; -fx-border-width: 6; -fx-border-radius: 10;");
        border.visibleProperty().bind(rec.visibleProperty());
        border.setMouseTransparent(true);
        return new StackPane(border, rec);
    }

    private Node countdownOverlay() {
        Label number = new Label();
        number.setId("record-countdown");
        number.getStyleClass().add(Styles.COUNTDOWN);
        number.textProperty().bind(viewModel.countdownProperty().asString());
        Label caption = new Label();
        caption.setId("record-countdown-caption");
        caption.setStyle("-fx-text-fill: white; -fx-font-size: 18px; -fx-font-weight: bold;");
        caption.textProperty().bind(Bindings.createStringBinding(() -> viewModel.target() == Target.POOL
                ? "recording footage in" : "clip " + viewModel.clipNumberProperty().get() + " of "
                        + viewModel.takeClips() + " in", viewModel.phaseProperty(), viewModel.clipNumberProperty()));
        VBox box = new VBox(caption, number);
        box.setId("record-countdown-box");
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true);
        // Below the face, where the person is not: the bottom of the picture, on a dark band so it reads on video.
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setStyle("-fx-background-color: rgba(11, 16, 32, 0.6); -fx-background-radius: 12; -fx-padding: 6 22;");
        StackPane.setAlignment(box, Pos.BOTTOM_CENTER);
        StackPane.setMargin(box, new javafx.geometry.Insets(0, 0, 18, 0));
        box.visibleProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.COUNTDOWN));
        return box;
    }

    private Node classesCard() {
        ListView<ClassRow> list = new ListView<>(viewModel.classes());
        list.setId("record-classes");
        list.setPrefWidth(250);
        list.setPlaceholder(new Label("No gestures yet.\nAdd the first one below."));
        list.setCellFactory(view -> new ClassCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(now);
            }
        });
        // The list shows the gesture the next take records from the start, and again after every refresh (which
        // replaces the rows and with them the list's own selection).
        Runnable selectInList = () -> {
            ClassRow now = viewModel.selectedProperty().get();
            if (now != null && list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
            }
        };
        viewModel.selectedProperty().addListener((obs, old, now) -> selectInList.run());
        viewModel.classes().addListener((javafx.collections.ListChangeListener<ClassRow>) c -> selectInList.run());
        selectInList.run();
        VBox.setVgrow(list, Priority.ALWAYS);

        TextField name = new TextField();
        name.setId("record-new-class");
        name.setPromptText("New gesture name");
        Button add = new Button("Add");
        add.setId("record-add-class");
        add.getStyleClass().add(Styles.ACCENT);
        add.disableProperty().bind(name.textProperty().isEmpty());
        Runnable addClass = () -> {
            if (viewModel.addClass(name.getText())) {
                name.clear();
            }
        };
        add.setOnAction(event -> addClass.run());
        name.setOnAction(event -> addClass.run());
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox addRow = new HBox(6, name, add);

        Button rename = new Button("Rename…");
        rename.setId("record-rename-class");
        rename.setOnAction(event -> {
            ClassRow row = viewModel.selectedProperty().get();
            TextInputDialog dialog = new TextInputDialog(row.gestureClass().name());
            dialog.initOwner(root.getScene().getWindow());
            dialog.setTitle("Rename gesture");
            dialog.setHeaderText("Rename “" + row.gestureClass().name() + "”");
            dialog.showAndWait().ifPresent(newName -> viewModel.renameClass(row.index(), newName));
        });
        ColorPicker color = new ColorPicker();
        color.setId("record-class-color");
        color.setTooltip(new Tooltip("The gesture's colour"));
        color.setPrefWidth(56);
        color.getStyleClass().add(ColorPicker.STYLE_CLASS_BUTTON);
        TextField key = new TextField();
        key.setId("record-class-key");
        key.setPromptText("key");
        key.setPrefColumnCount(2);
        key.setTooltip(new Tooltip("The key that labels a clip with this gesture"));
        java.util.function.Consumer<ClassRow> showSelected = now -> {
            if (now != null) {
                list.getSelectionModel().select(now);
                color.setValue(Color.web(now.gestureClass().color()));
                key.setText(now.gestureClass().shortcut() == null ? "" : now.gestureClass().shortcut());
            }
        };
        viewModel.selectedProperty().addListener((obs, old, now) -> showSelected.accept(now));
        color.setOnAction(event -> {
            ClassRow row = viewModel.selectedProperty().get();
            if (row != null) {
                Color c = color.getValue();
                viewModel.recolorClass(row.index(), String.format(Locale.ROOT, "#%02X%02X%02X",
                        Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255)));
            }
        });
        key.textProperty().addListener((obs, old, now) -> {
            ClassRow row = viewModel.selectedProperty().get();
            if (row != null && now.length() <= 1 && !now.equals(row.gestureClass().shortcut() == null ? ""
                    : row.gestureClass().shortcut())) {
                viewModel.setShortcut(row.index(), now);
            } else if (now.length() > 1) {
                key.setText(now.substring(now.length() - 1));
            }
        });
        rename.setMinWidth(Region.USE_PREF_SIZE);
        add.setMinWidth(Region.USE_PREF_SIZE);
        color.setMinWidth(56);
        key.setMinWidth(40);
        Label keyCaption = new Label("Key");
        keyCaption.setMinWidth(Region.USE_PREF_SIZE);
        showSelected.accept(viewModel.selectedProperty().get());
        HBox editRow = new HBox(6, rename, color, keyCaption, key);
        editRow.setAlignment(Pos.CENTER_LEFT);
        editRow.disableProperty().bind(viewModel.selectedProperty().isNull());

        Label caption = new Label("GESTURES");
        caption.getStyleClass().add(Styles.CARD_TITLE);
        VBox card = new VBox(8, caption, list, addRow, editRow);
        card.getStyleClass().add(Styles.CARD);
        card.setPrefWidth(300);
        card.setMinWidth(300);
        return card;
    }

    private Node takeCard() {
        RadioButton ofClass = new RadioButton("Clips of the selected gesture");
        ofClass.setId("record-target-class");
        ofClass.setUserData(Target.CLASS);
        ofClass.setToggleGroup(targets);
        ofClass.setSelected(true);
        RadioButton pool = new RadioButton("Unlabeled footage (pool)");
        pool.setId("record-target-pool");
        pool.setUserData(Target.POOL);
        pool.setToggleGroup(targets);

        Spinner<Integer> clips = new Spinner<>(1, 100, viewModel.clipsPerTakeProperty().get());
        clips.setId("record-clips");
        clips.setEditable(true);
        clips.setPrefWidth(80);
        clips.valueProperty().addListener((obs, old, now) -> viewModel.clipsPerTakeProperty().set(now));
        HBox clipsRow = new HBox(8, new Label("Clips per take"), clips);
        clipsRow.setAlignment(Pos.CENTER_LEFT);
        clipsRow.visibleProperty().bind(ofClass.selectedProperty());
        clipsRow.managedProperty().bind(clipsRow.visibleProperty());
        Spinner<Integer> seconds = new Spinner<>(2, 600, viewModel.poolSecondsProperty().get());
        seconds.setId("record-pool-seconds");
        seconds.setEditable(true);
        seconds.setPrefWidth(80);
        seconds.valueProperty().addListener((obs, old, now) -> viewModel.poolSecondsProperty().set(now));
        HBox secondsRow = new HBox(8, new Label("Seconds"), seconds);
        secondsRow.setAlignment(Pos.CENTER_LEFT);
        secondsRow.visibleProperty().bind(pool.selectedProperty());
        secondsRow.managedProperty().bind(secondsRow.visibleProperty());

        Button record = new Button();
        record.setId("record-start");
        record.setMaxWidth(Double.MAX_VALUE);
        record.textProperty().bind(Bindings.when(viewModel.phaseProperty().isEqualTo(Phase.IDLE))
                .then("●  Record  (" + Shortcut.RECORD.displayText() + ")").otherwise("■  Stop  (" + Shortcut.STOP_RECORDING.displayText() + ")"));
        record.styleProperty().bind(Bindings.when(viewModel.phaseProperty().isEqualTo(Phase.IDLE))
                .then("-fx-font-size: 15px;").otherwise("-fx-font-size: 15px; -fx-background-color: #111827;"));
        record.getStyleClass().add(Styles.DANGER);
        record.setOnAction(event -> toggleRecording());

        Button nothing = new Button("Record nothing");
        nothing.setId("record-nothing");
        nothing.setMaxWidth(Double.MAX_VALUE);
        nothing.setTooltip(new javafx.scene.control.Tooltip("Clips of idle footage (standing still, transitions) "
                + "straight into the Nothing class, so that Live does not read them as a gesture."));
        nothing.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.IDLE));
        nothing.setOnAction(event -> {
            if (viewModel.needsPerson() && !askPerson()) {
                return;
            }
            targets.selectToggle(ofClass);
            viewModel.recordNothing();
        });

        Label person = new Label();
        person.setId("record-person");
        person.setWrapText(true);
        person.textProperty().bind(Bindings.createStringBinding(() -> viewModel.recordingPersonProperty().get()
                .isEmpty() ? "Person: unknown" : "Person: " + viewModel.recordingPersonProperty().get(),
                viewModel.recordingPersonProperty()));
        Button change = new Button("Change…");
        change.setId("record-person-change");
        change.setTooltip(new javafx.scene.control.Tooltip("Who is recording: stored with each clip, so that "
                + "GestureLab can tell how well a recognizer works on people it was not trained on."));
        change.disableProperty().bind(viewModel.phaseProperty().isNotEqualTo(Phase.IDLE));
        change.setOnAction(event -> askPerson());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox personRow = new HBox(8, person, gap, change);
        personRow.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("record-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(viewModel.messageProperty());

        Label saved = new Label();
        saved.setId("record-saved");
        saved.getStyleClass().add(Styles.MUTED);
        saved.setWrapText(true);
        saved.setMinHeight(Region.USE_PREF_SIZE);
        saved.textProperty().bind(Bindings.createStringBinding(() -> Counts.of(viewModel.clipsSavedProperty().get(),
                "clip") + " saved this session\n" + Counts.of(viewModel.poolClipsProperty().get(), "clip")
                + " in the pool", viewModel.clipsSavedProperty(), viewModel.poolClipsProperty()));

        Label caption = new Label("TAKE");
        caption.getStyleClass().add(Styles.CARD_TITLE);
        VBox card = new VBox(10, caption, ofClass, pool, clipsRow, secondsRow, personRow, record, nothing, message,
                saved);
        card.getStyleClass().add(Styles.CARD);
        card.setPrefWidth(270);
        card.setMinWidth(250);
        return card;
    }

    /** A class in the list: colour swatch, name, clip count, shortcut keycap. */
    private static final class ClassCell extends ListCell<ClassRow> {
        @Override
        protected void updateItem(ClassRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Region swatch = new Region();
            swatch.getStyleClass().add(Styles.SWATCH);
            swatch.setStyle("-fx-background-color: " + row.gestureClass().color() + ";");
            Label name = new Label(row.gestureClass().name());
            name.setStyle("-fx-font-weight: bold;");
            Label count = new Label(Counts.of(row.clips(), "clip"));
            count.getStyleClass().add(Styles.MUTED);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox box = new HBox(8, swatch, name, spacer, count);
            if (row.gestureClass().shortcut() != null) {
                Label key = new Label(row.gestureClass().shortcut());
                key.getStyleClass().add(Styles.KEYCAP);
                box.getChildren().add(key);
            }
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
        }
    }
}
