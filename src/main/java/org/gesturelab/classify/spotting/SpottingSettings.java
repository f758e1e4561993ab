package org.gesturelab.classify.spotting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.gesturelab.classify.Json;
import org.gesturelab.core.GestureLabException;

/**
 * How the {@link GestureSpotter} turns per-frame probabilities into events. Stored as {@value #FILE} beside a
 * model's parameters by {@code gesturelab calibrate}; Live and {@code evaluate-stream} read it from there.
 *
 * @param window frames in each recognition window (the classifier resamples them to its sequence length)
 * @param stride frames between two predictions; in between, the last probabilities hold
 * @param smoothing frames in the moving average over the probabilities
 * @param enterThreshold the smoothed probability a gesture class needs to start an event, unless
 *     {@code thresholds} names the class
 * @param exitRatio hysteresis: an event lasts while its class stays above {@code threshold x exitRatio}
 * @param minFrames frames an event must last before it counts
 * @param refractoryFrames frames after an event during which no new one starts
 * @param thresholds per-class start thresholds, by class name
 * @param nothingClass the class that means "no gesture" (never an event), or null when the model has none
 * @param calibration how the thresholds were chosen, or null when nobody calibrated them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SpottingSettings(
        @JsonProperty("window") int window,
        @JsonProperty("stride") int stride,
        @JsonProperty("smoothing") int smoothing,
        @JsonProperty("enter_threshold") double enterThreshold,
        @JsonProperty("exit_ratio") double exitRatio,
        @JsonProperty("min_frames") int minFrames,
        @JsonProperty("refractory_frames") int refractoryFrames,
        @JsonProperty("thresholds") Map<String, Double> thresholds,
        @JsonProperty("nothing_class") String nothingClass,
        @JsonProperty("calibration") Calibration calibration) {

    /** The file name inside a model folder. */
    public static final String FILE = "spotting.json";

    /**
     * What calibration aimed for and reached on its streams.
     *
     * @param targetFaPerHour the false-activation target
     * @param faPerHour false activations per hour of Nothing reached
     * @param recall event recall reached
     * @param streams the number of streams calibrated on
     * @param frames their total frames
     */
    public record Calibration(@JsonProperty("target_fa_per_hour") double targetFaPerHour,
            @JsonProperty("fa_per_hour") double faPerHour, @JsonProperty("recall") double recall,
            @JsonProperty("streams") int streams, @JsonProperty("frames") long frames) {
    }

    /**
     * Validates the settings.
     *
     * @throws GestureLabException if a value is out of range
     */
    public SpottingSettings {
        if (window < 1 || stride < 1 || smoothing < 1 || minFrames < 1 || refractoryFrames < 0) {
            throw new GestureLabException("Spotting settings need window, stride, smoothing and minimum duration of "
                    + "at least one frame and a refractory gap of zero or more frames.");
        }
        if (!(exitRatio > 0 && exitRatio <= 1)) {
            throw new GestureLabException("The hysteresis exit ratio must lie in (0, 1], not " + exitRatio + ".");
        }
        checkThreshold("default", enterThreshold);
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        thresholds.forEach(SpottingSettings::checkThreshold);
    }

    private static void checkThreshold(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new GestureLabException("The " + name + " threshold must lie between 0 and 1, not " + value + ".");
        }
    }

    /**
     * Returns uncalibrated defaults: every class starts an event at 0.6, over a 9-frame moving average, lasting while
     * above half of that, at least 8 frames, with 15 frames between events.
     *
     * @param window frames per recognition window
     * @param nothingClass the "no gesture" class, or null
     * @return the settings
     */
    public static SpottingSettings defaults(int window, String nothingClass) {
        // Smoothing 9, exit ratio 0.5 and a refractory gap of 15 frames were chosen on streams of the training people
        // (docs/decisions/1110-spotting-measured.md); the threshold and minimum length stay for calibration to set.
        return new SpottingSettings(window, 2, 9, 0.6, 0.5, 8, 15, Map.of(), nothingClass, null);
    }

    /** Returns the start threshold of a class. */
    public double thresholdOf(String className) {
        return thresholds.getOrDefault(className, enterThreshold);
    }

    /** Returns these settings with other per-class thresholds and a calibration note. */
    public SpottingSettings withThresholds(Map<String, Double> newThresholds, Calibration note) {
        return new SpottingSettings(window, stride, smoothing, enterThreshold, exitRatio, minFrames,
                refractoryFrames, new TreeMap<>(newThresholds), nothingClass, note);
    }

    /** Returns these settings with another minimum event duration. */
    public SpottingSettings withMinFrames(int newMinFrames) {
        return new SpottingSettings(window, stride, smoothing, enterThreshold, exitRatio, newMinFrames,
                refractoryFrames, thresholds, nothingClass, calibration);
    }

    /** Returns these settings with another Nothing class (null: the model has none). */
    public SpottingSettings withNothingClass(String newNothingClass) {
        return new SpottingSettings(window, stride, smoothing, enterThreshold, exitRatio, minFrames,
                refractoryFrames, thresholds, newNothingClass, calibration);
    }

    /** Returns these settings with another moving-average length. */
    public SpottingSettings withSmoothing(int newSmoothing) {
        return new SpottingSettings(window, stride, newSmoothing, enterThreshold, exitRatio, minFrames,
                refractoryFrames, thresholds, nothingClass, calibration);
    }

    /** Returns these settings with another window. */
    public SpottingSettings withWindow(int newWindow) {
        return new SpottingSettings(newWindow, stride, smoothing, enterThreshold, exitRatio, minFrames,
                refractoryFrames, thresholds, nothingClass, calibration);
    }

    /**
     * Reads the settings stored in a model folder.
     *
     * @param modelFolder the folder
     * @return the settings, or empty when the model was never calibrated
     * @throws GestureLabException if the file exists but cannot be read
     */
    public static Optional<SpottingSettings> read(Path modelFolder) {
        Path file = modelFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), SpottingSettings.class));
        } catch (IOException e) {
            throw new GestureLabException("Cannot read the spotting settings " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the settings into a model folder, replacing earlier ones.
     *
     * @param modelFolder the folder
     * @throws IOException if it cannot be written
     */
    public void write(Path modelFolder) throws IOException {
        Path temporary = modelFolder.resolve(FILE + ".tmp");
        Json.MAPPER.writeValue(temporary.toFile(), this);
        Files.move(temporary, modelFolder.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
