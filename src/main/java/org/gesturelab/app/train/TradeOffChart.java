package org.gesturelab.app.train;

import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.gesturelab.workflow.spotting.Calibration;

/**
 * The calibration's trade-off, like a ROC curve: false activations per hour of Nothing (x) against event recall
 * (y), the best points of the threshold settings the calibration visited ({@link Calibration#tradeOff()}). Clicking a point stores its thresholds beside the
 * model (through {@link TrainViewModel#choose}); the point in use is drawn larger and filled.
 */
final class TradeOffChart {

    /** Style class of the point whose thresholds are in use. */
    static final String CHOSEN = "tradeoff-chosen";

    private final TrainViewModel viewModel;
    private final LineChart<Number, Number> chart;

    TradeOffChart(TrainViewModel viewModel) {
        this.viewModel = viewModel;
        NumberAxis x = new NumberAxis();
        x.setLabel("false activations per hour");
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis(0, 1.05, 0.2);
        y.setLabel("event recall");
        y.setMinorTickVisible(false);
        chart = new LineChart<>(x, y);
        chart.setId("train-tradeoff");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setMinHeight(130);
        chart.setPrefWidth(360);
        viewModel.calibrationProperty().addListener((obs, old, now) -> redraw());
        viewModel.chosenPointProperty().addListener((obs, old, now) -> restyle());
    }

    Node node() {
        return chart;
    }

    private void redraw() {
        chart.getData().clear();
        Calibration calibration = viewModel.calibrationProperty().get();
        if (calibration == null) {
            return;
        }
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        List<Calibration.CurvePoint> curve = calibration.tradeOff();
        for (int i = 0; i < curve.size(); i++) {
            Calibration.CurvePoint point = curve.get(i);
            XYChart.Data<Number, Number> data = new XYChart.Data<>(point.faPerHour(), point.recall());
            StackPane symbol = new StackPane();
            symbol.setId("train-tradeoff-point-" + i);
            symbol.getStyleClass().add("tradeoff-point");
            symbol.setUserData(point);
            Tooltip.install(symbol, new Tooltip(String.format(Locale.ROOT,
                    "%.1f false activations per hour, recall %.2f%nClick to use these thresholds",
                    point.faPerHour(), point.recall())));
            symbol.setOnMouseClicked(event -> viewModel.choose(point));
            data.setNode(symbol);
            series.getData().add(data);
        }
        chart.getData().add(series);
        restyle();
    }

    private void restyle() {
        Calibration.CurvePoint chosen = viewModel.chosenPointProperty().get();
        for (XYChart.Series<Number, Number> series : chart.getData()) {
            for (XYChart.Data<Number, Number> data : series.getData()) {
                Node symbol = data.getNode();
                boolean isChosen = chosen != null && chosen.equals(symbol.getUserData());
                symbol.getStyleClass().remove(CHOSEN);
                // The point in use is larger and filled, the others small rings the user can click.
                symbol.setStyle(isChosen
                        ? "-fx-background-color: #4F46E5; -fx-background-radius: 7px; -fx-padding: 7px;"
                                + " -fx-cursor: hand;"
                        : "-fx-background-color: #4F46E5, white; -fx-background-insets: 0, 2;"
                                + " -fx-background-radius: 5px; -fx-padding: 5px; -fx-cursor: hand;");
                if (isChosen) {
                    symbol.getStyleClass().add(CHOSEN);
                }
            }
        }
    }
}
