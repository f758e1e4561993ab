package org.gesturelab.app.common;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/** One horizontal bar per class, in the class's colour, showing a probability. */
public final class ProbabilityBars extends VBox {

    /**
     * A class as the bars show it.
     *
     * @param name the class name
     * @param color the colour as {@code #RRGGBB}
     */
    public record ClassColor(String name, String color) {
    }

    private final List<ProgressBar> bars = new ArrayList<>();
    private final List<Label> values = new ArrayList<>();
    private final List<HBox> rows = new ArrayList<>();
    private List<ClassColor> classes = List.of();
    private java.util.function.IntConsumer onPick;
    private boolean likeliestFirst;

    /** Creates bars for no classes. */
    public ProbabilityBars() {
        setSpacing(6);
        getStyleClass().add("probability-bars");
    }

    /**
     * Sets the classes, rebuilding the bars (all at zero).
     *
     * @param newClasses the classes, in the order of the probabilities
     */
    public void setClasses(List<ClassColor> newClasses) {
        if (newClasses.equals(classes)) {
            return;
        }
        classes = List.copyOf(newClasses);
        bars.clear();
        values.clear();
        rows.clear();
        getChildren().clear();
        for (ClassColor cls : classes) {
            Region swatch = new Region();
            swatch.getStyleClass().add(Styles.SWATCH);
            swatch.setStyle("-fx-background-color: " + cls.color() + ";");
            Label name = new Label(cls.name());
            name.setMinWidth(90);
            name.setPrefWidth(110);
            ProgressBar bar = new ProgressBar(0);
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            // The bar's fill takes the class colour; the track stays neutral.
            bar.setStyle("-gl-bar-color: " + cls.color() + ";");
            Label value = new Label("0%");
            value.setMinWidth(42);
            value.setAlignment(Pos.CENTER_RIGHT);
            HBox row = new HBox(8, swatch, name, bar, value);
            row.setAlignment(Pos.CENTER_LEFT);
            int index = getChildren().size();
            row.setId("probability-" + index);
            // A filter: the progress bar inside would otherwise take the click.
            row.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_CLICKED, event -> {
                if (onPick != null) {
                    onPick.accept(index);
                }
            });
            bars.add(bar);
            values.add(value);
            rows.add(row);
            getChildren().add(row);
        }
    }

    /**
     * Sets what a click on a class's row does (on the Label screen: label the clip with it).
     *
     * @param action receives the class index; null for nothing
     */
    public void setOnPick(java.util.function.IntConsumer action) {
        onPick = action;
        setStyle(action == null ? "" : "-fx-cursor: hand;");
    }

    /**
     * Sets whether the rows are ordered by probability, likeliest first, each time probabilities are shown. Live keeps
     * the classes' order, so a bar stays where the eye expects it while the values change many times a second; the
     * Label screen shows one clip at a time, where what counts is which classes the model hesitates between, and with
     * many classes those would otherwise be scrolled out of sight.
     *
     * @param value true to order by probability; false (the default) for the classes' order
     */
    public void setLikeliestFirst(boolean value) {
        likeliestFirst = value;
    }

    /**
     * Shows probabilities, one per class; null or a shorter array clears the rest. A row keeps its class (its id and
     * what a click on it picks) wherever it is placed.
     *
     * @param probabilities the probabilities
     */
    public void setProbabilities(float[] probabilities) {
        double[] shown = new double[bars.size()];
        for (int i = 0; i < bars.size(); i++) {
            shown[i] = probabilities != null && i < probabilities.length ? probabilities[i] : 0;
            bars.get(i).setProgress(shown[i]);
            values.get(i).setText(Math.round(shown[i] * 100) + "%");
        }
        if (likeliestFirst) {
            // A stable sort: equal probabilities (and no probabilities at all) keep the classes' order.
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> Double.compare(shown[b], shown[a]));
            getChildren().setAll(order.stream().map(rows::get).toList());
        }
    }

    /** Returns the probability shown for a class, for tests. */
    double shown(int index) {
        return bars.get(index).getProgress();
    }

    /**
     * Returns a readable text colour on a class colour.
     *
     * @param hex the background colour
     * @return black or white
     */
    public static String textOn(String hex) {
        Color color = Color.web(hex);
        double luminance = 0.2126 * color.getRed() + 0.7152 * color.getGreen() + 0.0722 * color.getBlue();
        return luminance > 0.6 ? "#111827" : "white";
    }
}
