package org.gesturelab.app.train;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.gesturelab.workflow.EvaluateModel;
import org.gesturelab.app.common.ProgressPanel;
import org.gesturelab.app.common.ReplayPane;
import org.gesturelab.app.common.ScreenHeader;
import org.gesturelab.app.common.Styles;
import org.gesturelab.app.train.TrainViewModel.HistoryRow;
import org.gesturelab.dataset.Clip;

/** The Train screen's layout, bound to a {@link TrainViewModel}. */
public final class TrainView {

    private final TrainViewModel viewModel;
    private final VBox root;
    private final LineChart<Number, Number> curve;
    private final GridPane matrix = new GridPane();
    private final ReplayPane replay;
    private VBox cellPane;

    /**
     * Builds the view.
     *
     * @param viewModel the state
     */
    public TrainView(TrainViewModel viewModel) {
        this.viewModel = viewModel;
        Label idle = new Label("Pick a clip\nto replay it");
        idle.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        idle.getStyleClass().add(Styles.MUTED);
        idle.visibleProperty().bind(viewModel.replayProperty().isNull());
        replay = new ReplayPane("train-replay", idle);
        viewModel.replayProperty().addListener((obs, old, now) -> replay.play(now));
        VBox header = ScreenHeader.of("Train",
                "How the model improves with every batch of labels, and where it still errs.");

        javafx.scene.control.ComboBox<org.gesturelab.classify.ModelKind> model = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(org.gesturelab.classify.ModelKind.all()));
        model.setId("train-model");
        model.setTooltip(new javafx.scene.control.Tooltip("The model Train now trains: a network (default, gru, tcn, "
                + "reference, lite) or a classical model on per-clip summaries (random-forest, gradient-boosting, "
                + "ridge, logistic-regression). Live, Label and evaluation use whichever was trained last."));
        model.valueProperty().bindBidirectional(viewModel.modelKindProperty());
        Button train = new Button("Train now");
        train.setId("train-now");
        train.getStyleClass().add(Styles.ACCENT);
        train.setOnAction(event -> viewModel.train());
        Button evaluate = new Button("Evaluate");
        evaluate.setId("train-evaluate");
        evaluate.setOnAction(event -> viewModel.evaluate());
        javafx.scene.control.ComboBox<String> strategy = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(org.gesturelab.active.QueryStrategies.NAMES
                        .stream().filter(name -> !name.equals("random")).toList()));
        strategy.setId("train-simulate-strategy");
        strategy.setValue(org.gesturelab.active.QueryStrategies.DEFAULT);
        Button simulate = new Button("Simulate vs random");
        simulate.setId("train-simulate");
        simulate.setTooltip(new javafx.scene.control.Tooltip("Replays labeling with the clips whose class is known: "
                + "the chosen strategy against random sampling, drawn beside your curve"));
        simulate.setOnAction(event -> viewModel.simulate(strategy.getValue(), 40));
        Label message = new Label();
        message.setId("train-message");
        message.getStyleClass().add(Styles.MUTED);
        // Long outcomes (a check on new people with its advice) wrap rather than end in an ellipsis.
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(viewModel.messageProperty());
        javafx.scene.control.ComboBox<Integer> target = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(2, 10, 30));
        target.setId("train-calibrate-target");
        target.setValue(30);
        // The bare number means nothing next to "Calibrate": say what it counts.
        target.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : "\u2264 " + value + " false / hour";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.parseInt(text.replaceAll("[^0-9]", ""));
            }
        });
        target.setTooltip(new javafx.scene.control.Tooltip("False activations per hour of idle time to stay under"));
        Button calibrate = new Button("Calibrate");
        calibrate.setId("train-calibrate");
        calibrate.setTooltip(new javafx.scene.control.Tooltip("Plays the test clips as streams and chooses the "
                + "thresholds at which Live reports a gesture; the chart shows the trade-off"));
        calibrate.setOnAction(event -> viewModel.calibrate(target.getValue()));
        Styles.keepWidth(model, train, evaluate, strategy, simulate, target, calibrate);
        // The message has a row of its own under the buttons: squeezed beside them it wrapped into a tall column.
        message.setWrapText(true);
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        HBox bar = new HBox(8, model, train, evaluate, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                strategy, simulate, new javafx.scene.control.Separator(javafx.geometry.Orientation.VERTICAL),
                target, calibrate);
        bar.setAlignment(Pos.CENTER_LEFT);
        ProgressPanel progress = new ProgressPanel();
        progress.taskProperty().bind(viewModel.taskProperty());

        NumberAxis x = new NumberAxis();
        x.setLabel("labeled clips");
        // Labels count from zero, so a single point is not drawn on an axis from 26.7 to 27.3.
        x.setForceZeroInRange(true);
        // F1 runs from 0 to 1 with headroom, so points at 1.0 are drawn whole.
        NumberAxis y = new NumberAxis(0, 1.08, 0.2);
        y.setLabel("macro F1 (test clips)");
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number value) {
                return value.doubleValue() > 1.0001 ? "" : String.format(Locale.ROOT, "%.1f", value.doubleValue());
            }

            @Override
            public Number fromString(String text) {
                return Double.parseDouble(text);
            }
        });
        curve = new LineChart<>(x, y);
        curve.setId("train-curve");
        curve.getStyleClass().add("learning-curve");
        curve.setAnimated(false);
        curve.setCreateSymbols(true);
        curve.setMinHeight(150);
        viewModel.history().addListener((ListChangeListener<HistoryRow>) c -> redrawCurve());
        viewModel.simulations().addListener((ListChangeListener<HistoryRow>) c -> redrawCurve());
        redrawCurve();

        VBox curveCard = card("LEARNING CURVE", curve);
        HBox.setHgrow(curveCard, Priority.ALWAYS);
        // The test clips the curve and the matrix are measured on, on the curve card's title line.
        Label testSummary = new Label();
        testSummary.setId("train-test-summary");
        testSummary.getStyleClass().add(Styles.MUTED);
        testSummary.textProperty().bind(viewModel.testSummaryProperty());
        Node matrix = matrixPane(testSummary);
        VBox.setVgrow(matrix, Priority.ALWAYS);
        VBox matrixCard = card("CONFUSION MATRIX · ROWS TRUE, COLUMNS PREDICTED",
                matrix);
        matrixCard.setPrefWidth(470);
        matrixCard.setMinWidth(470);
        HBox top = new HBox(14, curveCard, matrixCard);
        // A cell's clips, their replay and relabeling sit beside the history, so the matrix keeps its room.
        VBox cellCard = card("CLIPS OF THE CELL", cellPane);
        cellCard.setPrefWidth(470);
        cellCard.setMinWidth(470);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox historyCard = card("HISTORY", historyTable());
        historyCard.setPrefHeight(230);
        historyCard.setMinHeight(104);
        HBox.setHgrow(historyCard, Priority.ALWAYS);
        // The trade-off shows once the model is calibrated: before, there is nothing to pick from.
        VBox tradeOffCard = card("FALSE ACTIVATIONS PER HOUR AGAINST RECALL · CLICK A POINT",
                new TradeOffChart(viewModel).node());
        tradeOffCard.setPrefWidth(380);
        tradeOffCard.visibleProperty().bind(viewModel.calibrationProperty().isNotNull());
        tradeOffCard.managedProperty().bind(tradeOffCard.visibleProperty());
        HBox bottom = new HBox(14, historyCard, tradeOffCard, cellCard);

        root = new VBox(header, bar, message, progress, top, bottom);
        root.getStyleClass().add(Styles.SCREEN);
        root.setId("train-screen");
        viewModel.assessmentProperty().addListener((obs, old, now) -> redrawMatrix(now));
    }

    /** Returns the root node. */
    public Node root() {
        return root;
    }

    /** Stops the replay loop. */
    public void stop() {
        replay.stop();
    }

    /** Restarts the replay loop of the clip picked. */
    public void resume() {
        replay.play(viewModel.replayProperty().get());
    }

    private static VBox card(String caption, Node content) {
        Label label = new Label(caption);
        label.getStyleClass().add(Styles.CARD_TITLE);
        VBox card = new VBox(8, label, content);
        card.getStyleClass().add(Styles.CARD);
        VBox.setVgrow(content, Priority.ALWAYS);
        return card;
    }

    private void redrawCurve() {
        curve.getData().clear();
        List<CurveSeries.Curve> curves = CurveSeries.curves(viewModel.history(), viewModel.simulations());
        for (CurveSeries.Curve c : curves) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(c.name());
            c.points().forEach((labels, f1) -> series.getData().add(new XYChart.Data<>(labels, f1)));
            curve.getData().add(series);
        }
        // Simulated curves are dashed and thinner so that the user's own curve stays on top and visible.
        for (int i = 0; i < curves.size(); i++) {
            Node line = curve.getData().get(i).getNode();
            if (line != null) {
                line.setStyle(curves.get(i).simulated()
                        ? "-fx-stroke-width: 2px; -fx-stroke-dash-array: 8 5;" : "-fx-stroke-width: 3px;");
            }
        }
    }

    private Node historyTable() {
        TableView<HistoryRow> table = new TableView<>(viewModel.history());
        table.setId("train-history");
        table.setPlaceholder(new Label("No rounds yet: label a batch on the Label screen, or press Train now."));
        table.getColumns().add(column("Iteration", r -> Integer.toString(r.iteration())));
        table.getColumns().add(column("Labels", r -> Integer.toString(r.labels())));
        table.getColumns().add(column("Macro F1", r -> format(r.macroF1(), "%.3f")));
        table.getColumns().add(column("Accuracy", r -> Double.isNaN(r.accuracy()) ? "—"
                : String.format(Locale.ROOT, "%.1f%%", r.accuracy() * 100)));
        table.getColumns().add(column("Strategy", HistoryRow::strategy));
        table.getColumns().add(column("Time", r -> format(r.seconds(), "%.1f s")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        viewModel.history().addListener((ListChangeListener<HistoryRow>) c -> {
            if (!viewModel.history().isEmpty()) {
                table.scrollTo(viewModel.history().size() - 1);
            }
        });
        return table;
    }

    private static String format(double value, String pattern) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, pattern, value);
    }

    private static <T> TableColumn<T, String> column(String name, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private Node matrixPane(Label testSummary) {
        matrix.setId("train-matrix");
        matrix.setHgap(2);
        matrix.setVgap(1);
        ListView<Clip> clips = new ListView<>(viewModel.cellClips());
        clips.setId("train-cell-clips");
        clips.setPrefHeight(105);
        clips.setMinHeight(64);
        clips.setPlaceholder(new Label("Click a cell to list its clips"));
        replay.setPrefSize(140, 105);
        replay.setMinSize(86, 64);
        replay.setMaxSize(140, 105);
        HBox.setHgrow(clips, Priority.ALWAYS);
        FlowPane relabel = new FlowPane(6, 6);
        relabel.setId("train-relabel");
        clips.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Clip clip, boolean empty) {
                super.updateItem(clip, empty);
                setText(empty || clip == null ? null : "clip " + clip.id() + " · " + clip.source());
            }
        });
        clips.getSelectionModel().selectedItemProperty().addListener((obs, old, clip) -> {
            viewModel.replay(clip);
            relabel.getChildren().clear();
            if (clip == null) {
                return;
            }
            relabel.getChildren().add(new Label("Relabel as:"));
            List<String> names = viewModel.classNames();
            for (int i = 0; i < names.size(); i++) {
                int index = i;
                Button button = new Button(names.get(i));
                button.setId("train-relabel-" + i);
                button.setOnAction(event -> viewModel.relabel(clip, index));
                relabel.getChildren().add(button);
            }
        });
        Label empty = new Label("Train a model and add test clips to see where it errs.");
        empty.getStyleClass().add(Styles.MUTED);
        empty.visibleProperty().bind(viewModel.assessmentProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        cellPane = new VBox(8, new HBox(8, clips, replay), relabel);
        return new VBox(8, figures(testSummary), empty, matrix);
    }

    /**
     * The held-out test clips, the usual figure on them and, once clips of two or more people exist, the one on people the model
     * was not trained on, with the button that measures it.
     */
    private Node figures(Label testSummary) {
        Label usual = new Label();
        usual.setId("train-accuracy");
        usual.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            EvaluateModel.Result result = viewModel.assessmentProperty().get();
            return result == null ? "" : String.format(Locale.ROOT, "Accuracy on them: %.0f%%",
                    result.evaluation().accuracy() * 100);
        }, viewModel.assessmentProperty()));
        usual.visibleProperty().bind(viewModel.assessmentProperty().isNotNull());
        usual.managedProperty().bind(usual.visibleProperty());
        Label unseen = new Label();
        unseen.setId("train-unseen-people");
        unseen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            org.gesturelab.workflow.persons.PersonScores scores = viewModel.unseenPeopleProperty().get();
            return scores == null ? "On people it was not trained on: not measured yet"
                    : String.format(Locale.ROOT, "On people it was not trained on: %.0f%% (±%.0f, %d people)",
                            scores.meanAccuracy() * 100, scores.spreadAccuracy() * 100, scores.persons().size());
        }, viewModel.unseenPeopleProperty()));
        Button check = new Button("Check");
        check.setId("train-check-people");
        check.setTooltip(new javafx.scene.control.Tooltip("Train once per person without that person's clips and "
                + "score the model on them: how well it recognizes someone it never saw."));
        check.setOnAction(event -> viewModel.checkUnseenPeople());
        HBox people = new HBox(8, unseen, check);
        people.setAlignment(Pos.CENTER_LEFT);
        people.visibleProperty().bind(viewModel.severalPeopleProperty());
        people.managedProperty().bind(people.visibleProperty());
        // The test clips and the accuracy on them share a line, so that 14 rows of the matrix fit at 1280x800.
        HBox testLine = new HBox(14, testSummary, usual);
        VBox box = new VBox(4, testLine, people);
        box.setId("train-figures");
        return box;
    }

    private void redrawMatrix(EvaluateModel.Result assessment) {
        matrix.getChildren().clear();
        if (assessment == null) {
            return;
        }
        int[][] counts = assessment.evaluation().confusionMatrix();
        List<String> names = assessment.evaluation().classes();
        // Columns are headed by the class's number so that 13 classes still fit; the rows carry the names.
        int cellSize = (int) Math.max(20, Math.min(40, 270.0 / Math.max(1, names.size())));
        // Rows may be flatter than columns are wide: 14 rows (13 gestures and Nothing) fit at 1280x800.
        int cellHeight = cellSize < 30 ? Math.max(15, Math.min(cellSize - 2, 240 / Math.max(1, names.size()))) : 30;
        for (int j = 0; j < names.size(); j++) {
            Label header = new Label(Integer.toString(j + 1));
            header.setId("train-matrix-column-" + j);
            header.setTooltip(new javafx.scene.control.Tooltip("predicted " + names.get(j)));
            header.setStyle("-fx-font-size: 11px; -fx-font-weight: bold;");
            header.setMinWidth(cellSize);
            header.setAlignment(Pos.CENTER);
            matrix.add(header, j + 1, 0);
        }
        for (int i = 0; i < names.size(); i++) {
            Label header = new Label((i + 1) + "  " + names.get(i));
            header.setId("train-matrix-row-" + i);
            header.setStyle("-fx-font-size: 11px; -fx-font-weight: bold;");
            header.setMinWidth(Region.USE_PREF_SIZE);
            matrix.add(header, 0, i + 1);
            int rowTotal = java.util.Arrays.stream(counts[i]).sum();
            for (int j = 0; j < names.size(); j++) {
                double share = rowTotal == 0 ? 0 : (double) counts[i][j] / rowTotal;
                Label cell = new Label(Integer.toString(counts[i][j]));
                cell.setId("train-cell-" + i + "-" + j);
                cell.setMinSize(cellSize, cellHeight);
                cell.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                cell.setAlignment(Pos.CENTER);
                // Correct cells in indigo, errors in red; the stronger the share of the row, the darker.
                String rgb = i == j ? "79, 70, 229" : "220, 38, 38";
                cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%s, %.2f); "
                        + "-fx-background-radius: 4; -fx-text-fill: %s; -fx-font-weight: bold; -fx-cursor: hand;"
                        + " -fx-padding: 0; -fx-font-size: %dpx;",
                        rgb, 0.08 + 0.85 * share, share > 0.5 ? "white" : "#111827", cellSize < 30 ? 10 : 12));
                int truth = i;
                int predicted = j;
                cell.setOnMouseClicked(event -> viewModel.showCell(truth, predicted));
                matrix.add(cell, j + 1, i + 1);
            }
        }
        Region spacer = new Region();
        matrix.add(spacer, 0, names.size() + 1);
    }
}
