package org.gesturelab.app.live;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.gesturelab.app.common.ProbabilityBars;
import org.gesturelab.app.common.ScreenHeader;
import org.gesturelab.app.common.Styles;
import org.gesturelab.app.common.VideoView;
import org.gesturelab.classify.spotting.SpottedEvent;
import org.gesturelab.app.common.SettingsStore;

/** The Live screen's layout, bound to a {@link LiveViewModel}. */
public final class LiveView {

    private final LiveViewModel viewModel;
    private final VideoView video = new VideoView();
    private final VBox root;

    /**
     * Builds the view.
     *
     * @param viewModel the state
     * @param settings where the source bar remembers folders
     */
    public LiveView(LiveViewModel viewModel, SettingsStore settings) {
        this.viewModel = viewModel;
        SourceBar sources = new SourceBar(viewModel.picker(), settings, "live");

        VBox header = ScreenHeader.of("Live", "Watch the keypoints and what the model recognizes, as it happens.");

        video.setId("live-video");
        viewModel.sourceResetsProperty().addListener((obs, old, now) -> video.clear());
        StackPane stage = new StackPane(video,
                VideoView.idleHint("live-idle-hint", viewModel.picker().playingProperty()));
        stage.getStyleClass().add(Styles.VIDEO_PANE);
        stage.setMinSize(320, 240);
        HBox.setHgrow(stage, Priority.ALWAYS);

        // Three cards that fit beside the video at 1280x800: the send switches must not need scrolling.
        VBox side = new VBox(12, recognitionCard(), videoCard(), outputsCard());
        side.setPrefWidth(330);
        side.setMinWidth(300);
        // With many classes the bars grow: the side column scrolls rather than pushing the screen past 800 px.
        javafx.scene.control.ScrollPane sideScroll = new javafx.scene.control.ScrollPane(side);
        sideScroll.setId("live-side");
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.getStyleClass().add("edge-to-edge");
        sideScroll.setMinWidth(316);
        sideScroll.setPrefWidth(346);
        HBox body = new HBox(14, stage, sideScroll);
        VBox.setVgrow(body, Priority.ALWAYS);

        root = new VBox(header, sources.bar(), sources.banner(), body);
        root.getStyleClass().add(Styles.SCREEN);
        root.setId("live-screen");
    }

    /** Returns the root node. */
    public Node root() {
        return root;
    }

    /** Returns the video view. */
    public VideoView video() {
        return video;
    }

    private Node recognitionCard() {
        Label caption = new Label("RECOGNIZED");
        caption.getStyleClass().add(Styles.CARD_TITLE);
        Label top = new Label();
        top.setId("live-top-gesture");
        top.getStyleClass().add(Styles.TOP_GESTURE);
        // Nothing is the calm state between gestures: its name in a quiet style, never a gesture's colour.
        top.textProperty().bind(Bindings.createStringBinding(() -> !viewModel.topGestureProperty().get().isEmpty()
                ? viewModel.topGestureProperty().get() : viewModel.calmProperty().get()
                ? viewModel.nothingNameProperty().get() : "—", viewModel.topGestureProperty(),
                viewModel.calmProperty(), viewModel.nothingNameProperty()));
        viewModel.calmProperty().addListener((obs, old, now) -> {
            top.getStyleClass().remove(Styles.CALM);
            if (now) {
                top.getStyleClass().add(Styles.CALM);
            }
        });
        Label confidence = new Label();
        confidence.setId("live-confidence");
        confidence.getStyleClass().add(Styles.MUTED);
        confidence.textProperty().bind(Bindings.createStringBinding(() -> viewModel.topGestureProperty().get()
                .isEmpty() ? (viewModel.calmProperty().get() ? "no gesture" : "")
                : String.format(Locale.ROOT, "%.0f%% confident", viewModel.topConfidenceProperty().get() * 100),
                viewModel.topGestureProperty(), viewModel.topConfidenceProperty(), viewModel.calmProperty()));

        ProbabilityBars bars = new ProbabilityBars();
        bars.setId("live-bars");
        viewModel.classes().addListener((javafx.collections.ListChangeListener<ProbabilityBars.ClassColor>) c ->
                bars.setClasses(viewModel.classList()));
        bars.setClasses(viewModel.classList());
        viewModel.probabilitiesProperty().addListener((obs, old, now) -> bars.setProbabilities(now));

        Label status = new Label();
        status.setWrapText(true);
        // Wrapped, the whole sentence shows: a label in a VBox otherwise shrinks to one line with "...".
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(viewModel.recognitionStatusProperty());
        status.visibleProperty().bind(viewModel.recognitionStatusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        Label recentCaption = new Label("TIMELINE");
        recentCaption.getStyleClass().add(Styles.CARD_TITLE);
        FlowPane recent = new FlowPane(6, 6);
        recent.setId("live-recent");
        recentCaption.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.timeline()));
        recentCaption.managedProperty().bind(recentCaption.visibleProperty());
        // The strip of recent events, oldest on the left, each with its peak confidence.
        viewModel.timeline().addListener((javafx.collections.ListChangeListener<SpottedEvent>) c -> {
            recent.getChildren().clear();
            for (SpottedEvent event : viewModel.timeline()) {
                String gesture = event.label();
                Label chip = new Label(String.format(Locale.ROOT, "%s %.0f%%", gesture,
                        event.peakConfidence() * 100));
                chip.setTooltip(new javafx.scene.control.Tooltip("Frames " + event.start() + "–" + event.end()));
                chip.getStyleClass().add(Styles.CHIP);
                String color = viewModel.classList().stream().filter(k -> k.name().equals(gesture))
                        .map(ProbabilityBars.ClassColor::color).findFirst().orElse("#6b7280");
                chip.setStyle("-fx-background-color: " + color + "; -fx-text-fill: "
                        + ProbabilityBars.textOn(color) + ";");
                recent.getChildren().add(chip);
            }
        });
        VBox card = new VBox(8, caption, top, confidence, bars, status, recentCaption, recent);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    /** The overlay switches and the speed of the feed, in one card. */
    private Node videoCard() {
        Label fps = figure("live-metric-fps", Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.0f",
                viewModel.picker().fpsProperty().get()), viewModel.picker().fpsProperty()));
        Label latency = figure("live-metric-latency", Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                "%.0f ms", viewModel.latencyMillisProperty().get()), viewModel.latencyMillisProperty()));
        Label fpsUnit = new Label("frames per second");
        fpsUnit.getStyleClass().add(Styles.MUTED);
        Label latencyUnit = new Label("per frame");
        latencyUnit.getStyleClass().add(Styles.MUTED);
        HBox speed = new HBox(5, fps, fpsUnit, spacer(10), latency, latencyUnit);
        speed.setAlignment(Pos.BASELINE_LEFT);

        CheckBox pose = new CheckBox("Pose");
        pose.setId("live-show-pose");
        pose.selectedProperty().bindBidirectional(viewModel.showPoseProperty());
        CheckBox hands = new CheckBox("Hands");
        hands.setId("live-show-hands");
        hands.selectedProperty().bindBidirectional(viewModel.showHandsProperty());
        CheckBox face = new CheckBox("Face mesh");
        face.setId("live-show-face");
        face.selectedProperty().bindBidirectional(viewModel.showFaceProperty());
        FlowPane toggles = new FlowPane(14, 8, pose, hands, face);
        VBox card = new VBox(8, caption("VIDEO"), speed, toggles);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    /** OSC and WebSocket switches; host and port are edited while their switch is off. */
    private Node outputsCard() {
        EventOutputs outputs = viewModel.outputs();
        CheckBox osc = new CheckBox("OSC to");
        osc.setId("live-osc");
        osc.selectedProperty().bindBidirectional(outputs.oscProperty());
        TextField host = field("live-osc-host", outputs.oscHostProperty(), 110, "host");
        host.disableProperty().bind(osc.selectedProperty());
        TextField oscPort = field("live-osc-port", outputs.oscPortProperty(), 64, "port");
        oscPort.disableProperty().bind(osc.selectedProperty());
        HBox oscRow = new HBox(6, osc, host, new Label(":"), oscPort);
        oscRow.setAlignment(Pos.CENTER_LEFT);

        CheckBox webSocket = new CheckBox("WebSocket on port");
        webSocket.setId("live-websocket");
        webSocket.selectedProperty().bindBidirectional(outputs.webSocketProperty());
        TextField webSocketPort = field("live-websocket-port", outputs.webSocketPortProperty(), 64, "port");
        webSocketPort.disableProperty().bind(webSocket.selectedProperty());
        HBox webSocketRow = new HBox(6, webSocket, webSocketPort);
        webSocketRow.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("live-outputs-status");
        status.setWrapText(true);
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(outputs.statusProperty());
        status.visibleProperty().bind(outputs.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        VBox card = new VBox(8, caption("SEND EVENTS"), oscRow, webSocketRow, status);
        card.getStyleClass().add(Styles.CARD);
        return card;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value, double width,
            String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(1);
        field.setPrefWidth(width);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.CARD_TITLE);
        return label;
    }

    private static Label figure(String id, javafx.beans.binding.StringBinding text) {
        Label label = new Label();
        label.setId(id);
        label.setStyle("-fx-font-weight: bold;");
        label.textProperty().bind(text);
        return label;
    }

    private static Region spacer(double width) {
        Region region = new Region();
        region.setMinWidth(width);
        return region;
    }
}
