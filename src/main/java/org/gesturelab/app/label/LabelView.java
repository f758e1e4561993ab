package org.gesturelab.app.label;

import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.gesturelab.active.QueryStrategies;
import org.gesturelab.app.common.Counts;
import org.gesturelab.app.common.ProbabilityBars;
import org.gesturelab.app.common.ProgressPanel;
import org.gesturelab.app.common.ReplayPane;
import org.gesturelab.app.common.Shortcut;
import org.gesturelab.app.common.ScreenHeader;
import org.gesturelab.app.common.Styles;
import org.gesturelab.dataset.GestureClass;

/** The Label screen's layout and keys, bound to a {@link LabelViewModel}. */
public final class LabelView {

    /** The height of the probability bars; more classes scroll. */
    private static final double BARS_HEIGHT = 190;
    /**
     * The bars never shrink below three rows: they are ordered likeliest first, so three rows show what the model
     * hesitates between, and the screen then fits a 1280 x 800 display with a message shown.
     */
    private static final double BARS_MIN_HEIGHT = 76;
    /** The batch list never shrinks below four rows, whatever the number of classes. */
    static final double QUEUE_MIN_HEIGHT = 96;

    private final LabelViewModel viewModel;
    private final VBox root;
    private final ReplayPane replay;

    /**
     * Builds the view.
     *
     * @param viewModel the state
     */
    public LabelView(LabelViewModel viewModel) {
        this.viewModel = viewModel;
        VBox heading = ScreenHeader.of("Label",
                "The model asks about the clips it is least sure of. One key per clip.");
        Label progress = new Label();
        progress.setId("label-progress");
        progress.getStyleClass().add(Styles.METRIC);
        // The position of the clip shown, so that it follows the arrow keys; once all are answered, the count.
        progress.textProperty().bind(Bindings.createStringBinding(() -> viewModel.queue().isEmpty() ? ""
                : viewModel.indexProperty().get() >= 0
                        ? (viewModel.indexProperty().get() + 1) + " of " + viewModel.queue().size()
                        : viewModel.answers().size() + " of " + viewModel.queue().size() + " answered",
                viewModel.queue(), viewModel.answers(), viewModel.indexProperty()));
        Region titleSpacer = new Region();
        HBox.setHgrow(titleSpacer, Priority.ALWAYS);
        HBox header = new HBox(heading, titleSpacer, progress);
        header.setAlignment(Pos.CENTER_LEFT);

        ProgressPanel task = new ProgressPanel();
        task.taskProperty().bind(viewModel.taskProperty());
        Label message = new Label();
        message.setId("label-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        message.getStyleClass().add(Styles.BANNER);

        Label idle = new Label("Press Next batch (or " + Shortcut.NEXT_BATCH.displayText() + ") to get the clips the model is least sure of.");
        idle.getStyleClass().add(Styles.MUTED);
        idle.visibleProperty().bind(viewModel.currentProperty().isNull());
        replay = new ReplayPane("label-video", idle);
        replay.setMinSize(320, 240);
        HBox.setHgrow(replay, Priority.ALWAYS);

        VBox side = new VBox(12, modelCard(), queueCard());
        side.setPrefWidth(340);
        side.setMinWidth(300);
        HBox body = new HBox(14, replay, side);
        VBox.setVgrow(body, Priority.ALWAYS);

        root = new VBox(header, toolbar(), task, message, body, legend());
        root.getStyleClass().add(Styles.SCREEN);
        root.setId("label-screen");
        viewModel.currentProperty().addListener((obs, old, now) -> replay.play(now == null ? null : now.pictures()));
    }

    /** Returns the root node. */
    public Node root() {
        return root;
    }

    /** Stops the replay loop. */
    public void stop() {
        replay.stop();
    }

    /** Restarts the replay loop of the clip shown. */
    public void resume() {
        LabelItem item = viewModel.currentProperty().get();
        replay.play(item == null ? null : item.pictures());
    }

    /**
     * Handles the labeling keys.
     *
     * @param event a key press
     * @return whether it was a labeling key
     */
    boolean onKey(KeyEvent event) {
        boolean handled;
        if (Shortcut.UNDO.matches(event) || Shortcut.UNDO_BACKSPACE.matches(event)) {
            handled = viewModel.undo();
        } else if (Shortcut.SKIP.matches(event) || Shortcut.SKIP_SPACE.matches(event)) {
            handled = viewModel.skip();
        } else if (Shortcut.PREVIOUS_CLIP.matches(event)) {
            viewModel.previous();
            handled = true;
        } else if (Shortcut.NEXT_CLIP.matches(event)) {
            viewModel.next();
            handled = true;
        } else if (Shortcut.RETRAIN.matches(event)) {
            viewModel.retrain();
            handled = true;
        } else if (Shortcut.NEXT_BATCH.matches(event) && viewModel.currentProperty().get() == null) {
            viewModel.nextBatch();
            handled = true;
        } else {
            handled = !event.getText().isEmpty() && !event.isShortcutDown() && viewModel.labelByKey(event.getText());
        }
        // Space and arrows would otherwise also press a focused button or move a list: the window consumes them.
        return handled;
    }

    private Node toolbar() {
        ComboBox<String> strategy = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                QueryStrategies.NAMES));
        strategy.setId("label-strategy");
        strategy.valueProperty().bindBidirectional(viewModel.strategyProperty());
        strategy.setFocusTraversable(false);
        Spinner<Integer> batch = new Spinner<>(1, 200, viewModel.batchSizeProperty().get());
        batch.setId("label-batch-size");
        batch.setPrefWidth(80);
        batch.setEditable(true);
        batch.setFocusTraversable(false);
        batch.valueProperty().addListener((obs, old, now) -> viewModel.batchSizeProperty().set(now));
        Button next = new Button(Shortcut.NEXT_BATCH.description() + "  (" + Shortcut.NEXT_BATCH.displayText() + ")");
        next.setId("label-next-batch");
        next.getStyleClass().add(Styles.ACCENT);
        next.setFocusTraversable(false);
        next.setOnAction(event -> viewModel.nextBatch());
        CheckBox auto = new CheckBox("Retrain after each batch");
        auto.setId("label-auto-retrain");
        auto.setFocusTraversable(false);
        auto.selectedProperty().bindBidirectional(viewModel.autoRetrainProperty());
        Button retrain = new Button("Retrain now  (" + Shortcut.RETRAIN.displayText() + ")");
        retrain.setId("label-retrain");
        retrain.setFocusTraversable(false);
        retrain.setOnAction(event -> viewModel.retrain());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label pool = new Label();
        pool.getStyleClass().add(Styles.MUTED);
        pool.textProperty().bind(Bindings.createStringBinding(() -> Counts.of(viewModel.poolSizeProperty().get(),
                "clip") + " in the pool", viewModel.poolSizeProperty()));
        HBox bar = new HBox(8, new Label("Strategy"), strategy, new Label("Batch"), batch, next, auto, retrain, spacer,
                pool);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node modelCard() {
        Label caption = new Label("THE MODEL THINKS");
        caption.getStyleClass().add(Styles.CARD_TITLE);
        ProbabilityBars bars = new ProbabilityBars();
        bars.setId("label-bars");
        bars.setOnPick(index -> viewModel.label(index));
        bars.setLikeliestFirst(true);
        Runnable rebuild = () -> bars.setClasses(viewModel.classes().stream()
                .map(c -> new ProbabilityBars.ClassColor(c.name(), c.color())).toList());
        viewModel.classes().addListener((ListChangeListener<GestureClass>) c -> rebuild.run());
        rebuild.run();
        Label why = new Label();
        why.setId("label-why");
        why.setWrapText(true);
        why.setMinHeight(Region.USE_PREF_SIZE);
        why.getStyleClass().add(Styles.MUTED);
        Label source = new Label();
        source.getStyleClass().add(Styles.MUTED);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(bars);
        viewModel.currentProperty().addListener((obs, old, now) -> {
            bars.setProbabilities(now == null ? null : now.probabilities());
            scroll.setVvalue(0);
            why.setText(now == null ? "" : Reason.of(now.ranked().why(), now.probabilities(),
                    viewModel.classes().stream().map(GestureClass::name).toList()));
            why.setTooltip(now == null ? null : new Tooltip(String.format(Locale.ROOT, "Rank %d, score %.3f: %s",
                    now.ranked().rank(), now.ranked().score(), now.ranked().why().describe())));
            // A pool clip's source may name its hidden class (an import's folder): only the clip number is shown.
            source.setText(now == null ? "" : "Clip " + now.clip().id());
        });
        // With many classes the bars scroll, so the batch list below keeps its height.
        scroll.setId("label-bars-scroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMaxHeight(BARS_HEIGHT);
        scroll.setMinHeight(BARS_MIN_HEIGHT);
        scroll.setStyle("-fx-background-color: transparent; -fx-background: white; -fx-padding: 0;");
        VBox card = new VBox(8, caption, scroll, why, source);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    private Node queueCard() {
        Label caption = new Label("BATCH");
        caption.getStyleClass().add(Styles.CARD_TITLE);
        ListView<LabelItem> list = new ListView<>(viewModel.queue());
        list.setId("label-queue");
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label("No batch yet"));
        list.setMinHeight(QUEUE_MIN_HEIGHT);
        // Its preferred height is its minimum: the bars above take what they need first, the list the rest.
        list.setPrefHeight(QUEUE_MIN_HEIGHT);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(LabelItem item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String answer = viewModel.answers().get(item.clip().id());
                Label rank = new Label("#" + item.ranked().rank());
                rank.setMinWidth(32);
                Label name = new Label("clip " + item.clip().id());
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                Label state = new Label(answer == null ? String.format(Locale.ROOT, "%.3f", item.ranked().score())
                        : answer);
                if (answer != null && !answer.equals(LabelViewModel.SKIPPED)) {
                    String color = viewModel.classes().stream().filter(c -> c.name().equals(answer))
                            .map(GestureClass::color).findFirst().orElse("#6B7280");
                    state.getStyleClass().add(Styles.CHIP);
                    state.setStyle("-fx-background-color: " + color + "; -fx-text-fill: "
                            + ProbabilityBars.textOn(color) + ";");
                } else {
                    state.getStyleClass().add(Styles.MUTED);
                }
                HBox row = new HBox(6, rank, name, spacer, state);
                row.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(row);
            }
        });
        viewModel.answers().addListener((MapChangeListener<Long, String>) change -> list.refresh());
        viewModel.indexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                list.getSelectionModel().select(now.intValue());
                list.scrollTo(Math.max(0, now.intValue() - 2));
            } else {
                list.getSelectionModel().clearSelection();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox card = new VBox(8, caption, list);
        card.getStyleClass().add(Styles.CARD);
        VBox.setVgrow(card, Priority.ALWAYS);
        return card;
    }

    private Node legend() {
        FlowPane legend = new FlowPane(14, 6);
        legend.setId("label-legend");
        Runnable rebuild = () -> {
            legend.getChildren().clear();
            List<GestureClass> classes = viewModel.classes();
            for (int i = 0; i < classes.size(); i++) {
                GestureClass c = classes.get(i);
                // Every class is listed and clickable, with or without a key of its own.
                Node entry = keyed(c.shortcut(), c.name(), c.color());
                entry.setId("label-class-" + i);
                int index = i;
                entry.setOnMouseClicked(event -> viewModel.label(index));
                entry.setStyle("-fx-cursor: hand;");
                Tooltip.install(entry, new Tooltip("Label the clip “" + c.name() + "”"
                        + (c.shortcut() == null ? " (give it a key on the Record screen)" : "")));
                legend.getChildren().add(entry);
            }
            for (Shortcut s : List.of(Shortcut.SKIP, Shortcut.UNDO_BACKSPACE, Shortcut.PREVIOUS_CLIP,
                    Shortcut.NEXT_CLIP, Shortcut.RETRAIN)) {
                legend.getChildren().add(keyed(s.displayText(), s.description(), null));
            }
        };
        viewModel.classes().addListener((ListChangeListener<GestureClass>) c -> rebuild.run());
        rebuild.run();
        legend.getStyleClass().add(Styles.CARD);
        return legend;
    }

    private static Node keyed(String key, String text, String color) {
        Label name = new Label(text);
        HBox box = new HBox(5, name);
        if (key != null) {
            Label cap = new Label(key.toUpperCase(java.util.Locale.ROOT));
            cap.getStyleClass().add(Styles.KEYCAP);
            box.getChildren().add(0, cap);
        }
        if (color != null) {
            name.setStyle("-fx-font-weight: bold;");
            Region swatch = new Region();
            swatch.getStyleClass().add(Styles.SWATCH);
            swatch.setStyle("-fx-background-color: " + color + ";");
            box.getChildren().add(key == null ? 0 : 1, swatch);
        }
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
