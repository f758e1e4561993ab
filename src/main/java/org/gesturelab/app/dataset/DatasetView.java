package org.gesturelab.app.dataset;

import java.io.File;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.gesturelab.app.common.ProgressPanel;
import org.gesturelab.app.common.ReplayPane;
import org.gesturelab.app.common.ScreenHeader;
import org.gesturelab.app.common.Counts;
import org.gesturelab.app.common.Styles;
import org.gesturelab.app.dataset.DatasetViewModel.ClipRow;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.ProjectSettings;
import org.gesturelab.workflow.ExportFormat;
import org.gesturelab.workflow.ImportData;
import org.gesturelab.workflow.ImportFormat;

/** The Dataset screen's layout and the Import and Export dialogs, bound to a {@link DatasetViewModel}. */
public final class DatasetView {

    private static final String ALL = "All";

    private final DatasetViewModel viewModel;
    private final VBox root;
    private final TableView<ClipRow> table;
    private final ReplayPane replay = new ReplayPane("dataset-video");
    private final ObservableList<String> classChoices = FXCollections.observableArrayList();

    /**
     * Builds the view.
     *
     * @param viewModel the state
     */
    public DatasetView(DatasetViewModel viewModel) {
        this.viewModel = viewModel;
        VBox header = ScreenHeader.of("Dataset",
                "Every clip of the project: filter, replay, relabel, move between sets, delete.");

        table = new TableView<>(viewModel.rows());
        table.setId("dataset-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label emptyTitle = new Label();
        emptyTitle.setId("dataset-empty-title");
        emptyTitle.setStyle("-fx-font-size: 16px; -fx-font-weight: bold;");
        Label emptyHint = new Label();
        emptyHint.getStyleClass().add(Styles.MUTED);
        emptyHint.setWrapText(true);
        emptyHint.setMaxWidth(360);
        emptyHint.setAlignment(Pos.CENTER);
        emptyHint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        // An empty project and filters that hide everything are different news.
        emptyTitle.textProperty().bind(Bindings.createStringBinding(() -> viewModel.allRows().isEmpty()
                ? "No clips yet" : "No clip matches the filters", viewModel.allRows()));
        emptyHint.textProperty().bind(Bindings.createStringBinding(() -> viewModel.allRows().isEmpty()
                ? "Record gestures on the Record screen, or bring clips in with Import… above (MP_Data folders, "
                        + "videos, CSV)." : "Choose “all” in State and Gesture, or clear the search.",
                viewModel.allRows()));
        VBox empty = new VBox(6, emptyTitle, emptyHint);
        empty.setAlignment(Pos.CENTER);
        table.setPlaceholder(empty);
        table.getColumns().add(column("Clip", r -> Long.toString(r.clip().id()), 46));
        table.getColumns().add(column("State", r -> r.clip().state().name().toLowerCase(Locale.ROOT), 60));
        table.getColumns().add(column("Label", ClipRow::label, 82));
        table.getColumns().add(column("Person", r -> r.clip().person() == null ? "" : r.clip().person(), 72));
        TableColumn<ClipRow, String> source = column("Source", r -> SourceText.shown(r.clip(),
                viewModel.classNames()), 170);
        table.getColumns().add(source);
        TableColumn<ClipRow, String> added = column("Added", ClipRow::added, 130);
        table.getColumns().add(added);
        // The model's guess and its confidence in one column ("hello 98%"), so the source keeps its room beside
        // the Person column at 1280x800.
        table.getColumns().add(column("Prediction", r -> Double.isNaN(r.confidence()) ? r.prediction()
                : String.format(Locale.ROOT, "%s %.0f%%", r.prediction(), r.confidence() * 100), 120));
        // Only the source may give way: dates, names and numbers are read whole.
        for (TableColumn<ClipRow, ?> column : table.getColumns()) {
            if (column != source) {
                column.setMinWidth(column.getPrefWidth());
            }
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        HBox.setHgrow(table, Priority.ALWAYS);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.replay(now));
        viewModel.replayProperty().addListener((obs, old, now) -> replay.play(now));

        ProgressPanel progress = new ProgressPanel();
        progress.taskProperty().bind(viewModel.taskProperty());
        Label message = new Label();
        message.setId("dataset-message");
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        HBox body = new HBox(14, table, sideCard());
        VBox.setVgrow(body, Priority.ALWAYS);
        root = new VBox(header, filters(), progress, message, body);
        root.getStyleClass().add(Styles.SCREEN);
        root.setId("dataset-screen");
    }

    /** Returns the root node. */
    public Node root() {
        return root;
    }

    /** Stops the replay loop. */
    public void stop() {
        replay.stop();
    }

    /** Refreshes the class choices after the project's classes changed. */
    public void refreshClasses() {
        List<String> names = new ArrayList<>();
        names.add(ALL);
        names.addAll(viewModel.classNames());
        classChoices.setAll(names);
    }

    private static <T> TableColumn<T, String> column(String name, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private Node filters() {
        ComboBox<String> state = new ComboBox<>(FXCollections.observableArrayList(ALL, "train", "test", "pool",
                "skipped"));
        state.setId("dataset-state-filter");
        state.setValue(ALL);
        state.valueProperty().addListener((obs, old, now) -> viewModel.stateFilterProperty().set(
                now == null || now.equals(ALL) ? null : ClipState.valueOf(now.toUpperCase(Locale.ROOT))));
        ComboBox<String> label = new ComboBox<>(classChoices);
        label.setId("dataset-label-filter");
        label.setValue(ALL);
        label.valueProperty().addListener((obs, old, now) -> viewModel.labelFilterProperty().set(
                now == null || now.equals(ALL) ? null : now));
        TextField search = new TextField();
        search.setId("dataset-search");
        search.setPromptText("Search source, person or clip id");
        // Wide enough for its prompt: a cut-off hint does not say what can be searched.
        search.setPrefColumnCount(19);
        viewModel.textFilterProperty().bind(search.textProperty());
        Label count = new Label();
        count.getStyleClass().add(Styles.MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> viewModel.rows().size() + " of "
                + Counts.of(viewModel.allRows().size(), "clip"), viewModel.rows(), viewModel.allRows()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button importButton = new Button("Import…");
        importButton.setId("dataset-import");
        importButton.setOnAction(event -> showImportDialog());
        Button exportButton = new Button("Export…");
        exportButton.setId("dataset-export");
        exportButton.setOnAction(event -> showExportDialog());
        HBox bar = new HBox(8, new Label("State"), state, new Label("Gesture"), label, search, count, spacer,
                importButton, exportButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node sideCard() {
        Label caption = new Label("REPLAY");
        caption.getStyleClass().add(Styles.CARD_TITLE);
        replay.setPrefSize(320, 240);
        replay.setMinHeight(200);

        ComboBox<String> relabelTo = new ComboBox<>();
        relabelTo.setId("dataset-relabel-class");
        relabelTo.setPromptText("Gesture");
        classChoices.addListener((javafx.collections.ListChangeListener<String>) c ->
                relabelTo.getItems().setAll(viewModel.classNames()));
        Button relabel = new Button("Label");
        relabel.setId("dataset-relabel");
        relabel.disableProperty().bind(relabelTo.valueProperty().isNull()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        relabel.setOnAction(event -> viewModel.relabel(selected(), viewModel.classNames().indexOf(
                relabelTo.getValue())));
        HBox relabelRow = new HBox(6, relabelTo, relabel);

        HBox moveRow = new HBox(6, new Label("Move to"));
        moveRow.setAlignment(Pos.CENTER_LEFT);
        for (ClipState state : List.of(ClipState.TRAIN, ClipState.TEST, ClipState.POOL)) {
            Button move = new Button(state.name().toLowerCase(Locale.ROOT));
            move.setId("dataset-move-" + state.name().toLowerCase(Locale.ROOT));
            move.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
            move.setOnAction(event -> viewModel.move(selected(), state));
            moveRow.getChildren().add(move);
        }
        ComboBox<String> personName = new ComboBox<>();
        personName.setId("dataset-person-name");
        personName.setEditable(true);
        personName.setPromptText("Person");
        personName.setPrefWidth(150);
        // Offer the people already in the project, so that one name is not typed two ways.
        viewModel.allRows().addListener((javafx.collections.ListChangeListener<ClipRow>) c ->
                personName.getItems().setAll(viewModel.persons()));
        Button setPerson = new Button("Set person");
        setPerson.setId("dataset-set-person");
        setPerson.setTooltip(new javafx.scene.control.Tooltip("Tag the selected clips with who is in them; an empty "
                + "name clears it. Evaluation by person uses these tags."));
        setPerson.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        setPerson.setOnAction(event -> viewModel.setPerson(selected(), personName.getEditor().getText()));
        HBox personRow = new HBox(6, personName, setPerson);

        Button delete = new Button("Delete…");
        delete.setId("dataset-delete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(event -> {
            List<ClipRow> rows = selected();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + rows.size()
                    + " clips with their files and label history? This cannot be undone.", ButtonType.OK,
                    ButtonType.CANCEL);
            confirm.initOwner(window());
            confirm.setHeaderText("Delete clips");
            if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
                viewModel.delete(rows);
            }
        });
        VBox card = new VBox(10, caption, replay, relabelRow, moveRow, personRow, delete, testSplit());
        card.getStyleClass().add(Styles.CARD);
        card.setPrefWidth(300);
        card.setMaxWidth(300);
        card.setMinWidth(300);
        return card;
    }

    /** The automatic test hold-out: how many clips it keeps out, and its share, which the user can change. */
    private Node testSplit() {
        Label caption = new Label("TEST CLIPS");
        caption.getStyleClass().add(Styles.CARD_TITLE);
        Label summary = new Label();
        summary.setId("dataset-test-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.testSummaryProperty());
        Spinner<Integer> percent = new Spinner<>(0, (int) Math.round(ProjectSettings.MAX_TEST_SHARE * 100),
                (int) Math.round(viewModel.testShareProperty().get() * 100), 5);
        percent.setId("dataset-test-share");
        percent.setEditable(true);
        percent.setPrefWidth(80);
        viewModel.testShareProperty().addListener((obs, old, now) ->
                percent.getValueFactory().setValue((int) Math.round(now.doubleValue() * 100)));
        Button split = new Button("Hold out");
        split.setId("dataset-split");
        split.setTooltip(new Tooltip("Move training clips to the test clips until every gesture has this share of "
                + "its labeled clips held out (never pool clips). Clips labeled later follow the same share."));
        split.setOnAction(event -> {
            percent.commitValue();
            viewModel.split(percent.getValue() / 100.0);
        });
        HBox row = new HBox(6, percent, new Label("% per gesture"), split);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, caption, summary, row);
    }

    private List<ClipRow> selected() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Shows the Import dialog and starts the import. */
    public void showImportDialog() {
        ComboBox<ImportFormat> format = new ComboBox<>(FXCollections.observableArrayList(
                ImportFormat.values()));
        format.setValue(ImportFormat.MP_DATA);
        ComboBox<String> as = new ComboBox<>(FXCollections.observableArrayList("train", "test", "pool"));
        as.setValue("train");
        TextField path = new TextField();
        path.setPrefColumnCount(28);
        Button browse = new Button("Choose…");
        browse.setOnAction(event -> choose(format.getValue().folder(), false).ifPresent(f -> path.setText(f
                .toString())));
        ComboBox<String> label = new ComboBox<>(FXCollections.observableArrayList(viewModel.classNames()));
        label.setEditable(true);
        label.setPromptText("for train/test recordings");
        // Only a recording's windows take one gesture for all; the other formats carry their own labels.
        label.disableProperty().bind(format.valueProperty().isNotEqualTo(ImportFormat.RECORDING));
        // Joints split by person: the subjects' field replaces "Add as".
        BooleanBinding joints = format.valueProperty().isEqualTo(ImportFormat.JOINTS);
        as.disableProperty().bind(joints);
        TextField testSubjects = new TextField();
        testSubjects.setPromptText("e.g. S7,S8 (none: all for training)");
        testSubjects.disableProperty().bind(joints.not());
        TextField distances = new TextField();
        distances.setPromptText("e.g. 1m (empty: every distance)");
        distances.disableProperty().bind(joints.not());
        // Joints name their people in index.csv; every other format gets one person for all its clips.
        TextField person = new TextField();
        person.setId("dataset-import-person");
        person.setPromptText("who is in the clips (empty: unknown)");
        person.disableProperty().bind(joints);
        Label hint = new Label();
        hint.getStyleClass().add(Styles.MUTED);
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.textProperty().bind(Bindings.createStringBinding(() -> hint(format.getValue()), format.valueProperty()));
        GridPane grid = grid();
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("From"), new HBox(6, path, browse));
        grid.addRow(2, new Label("Add as"), as);
        grid.addRow(3, new Label("Gesture"), label);
        grid.addRow(4, new Label("Test subjects"), testSubjects);
        grid.addRow(5, new Label("Distances"), distances);
        grid.addRow(6, new Label("Person"), person);
        grid.add(hint, 1, 7);
        Dialog<ButtonType> dialog = dialog("Import clips", grid);
        dialog.showAndWait().filter(ButtonType.OK::equals).filter(ok -> !path.getText().isBlank()).ifPresent(ok ->
                importChosen(format.getValue(), java.nio.file.Path.of(path.getText().strip()), as.getValue(),
                        label.getValue(), testSubjects.getText(), distances.getText(), person.getText()));
    }

    private void importChosen(ImportFormat format, java.nio.file.Path source, String as, String label,
            String testSubjects, String distances, String person) {
        try {
            viewModel.importData(format == ImportFormat.JOINTS
                    ? ImportData.Request.joints(source, testSubjects, distances)
                    : ImportData.Request.of(format, source, ClipState.valueOf(as.toUpperCase(Locale.ROOT)),
                            label == null || label.isBlank() ? null : label.strip()).withPerson(person));
        } catch (org.gesturelab.core.GestureLabException e) {
            // A name the rules refuse (a tab, too long): say so instead of importing.
            viewModel.showMessage(e.getMessage());
        }
    }

    private static String hint(ImportFormat format) {
        return switch (format) {
            case MP_DATA -> "One folder per gesture, one per sequence, one .npy file per frame.";
            case CSV -> "The gesture in the first column, one frame or one clip per row.";
            case NPY -> "clips/*.npy with labels.csv, as Export → NPY folder writes it.";
            case MANIFEST -> "The manifest.csv of a corpus extraction (gesturelab-spark.jar): one clip per extracted "
                    + "video, its gesture the folder the video was in. Failed videos are left out.";
            case JOINTS -> "A folder with index.csv (file, subject, gesture, distance) and one (frames, 33, 4) "
                    + "pose .npy per clip, as bodygesture15/joints. Pose only; the test subjects' clips go to "
                    + "test, everyone else's to train, so no person is in both.";
            case VIDEOS -> "One sub-folder per gesture, named after it. Keypoints are found in every frame of "
                    + "every video (MediaPipe Holistic), a few seconds per video; Cancel adds nothing.";
            case RECORDING -> "A .npy keypoint recording or a video (keypoints found in every frame), cut into "
                    + "windows of the project's clip length. Into the pool unlabeled, or with a gesture.";
        };
    }

    /** Shows the Export dialog and starts the export. */
    public void showExportDialog() {
        ComboBox<ExportFormat> format = new ComboBox<>(FXCollections.observableArrayList(
                ExportFormat.values()));
        format.setValue(ExportFormat.NPY);
        TextField path = new TextField();
        path.setPrefColumnCount(28);
        Button browse = new Button("Choose…");
        browse.setOnAction(event -> choose(format.getValue() != ExportFormat.CSV, true)
                .ifPresent(f -> path.setText(f.toString())));
        List<CheckBox> states = new ArrayList<>();
        HBox stateRow = new HBox(10);
        for (ClipState state : ClipState.values()) {
            CheckBox box = new CheckBox(state.name().toLowerCase(Locale.ROOT));
            box.setSelected(state.isLabeled());
            box.setUserData(state);
            states.add(box);
            stateRow.getChildren().add(box);
        }
        GridPane grid = grid();
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("To"), new HBox(6, path, browse));
        grid.addRow(2, new Label("Clips"), stateRow);
        Dialog<ButtonType> dialog = dialog("Export clips", grid);
        dialog.showAndWait().filter(ButtonType.OK::equals).filter(ok -> !path.getText().isBlank()).ifPresent(ok -> {
            EnumSet<ClipState> chosen = EnumSet.noneOf(ClipState.class);
            states.stream().filter(CheckBox::isSelected).forEach(b -> chosen.add((ClipState) b.getUserData()));
            viewModel.exportData(format.getValue(), java.nio.file.Path.of(path.getText().strip()), chosen);
        });
    }

    private Optional<File> choose(boolean folder, boolean save) {
        if (folder) {
            DirectoryChooser chooser = new DirectoryChooser();
            return Optional.ofNullable(chooser.showDialog(window()));
        }
        FileChooser chooser = new FileChooser();
        return Optional.ofNullable(save ? chooser.showSaveDialog(window()) : chooser.showOpenDialog(window()));
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        return grid;
    }

    private Dialog<ButtonType> dialog(String title, Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(window());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(DatasetView.class.getResource(Styles.STYLESHEET)
                .toExternalForm());
        return dialog;
    }
}
