package org.gesturelab.app.common;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.gesturelab.dataset.Limits;
import org.gesturelab.dataset.ProjectSettings;

/**
 * The app's remembered settings, stored as JSON. Missing or out-of-range values (an older or hand-edited file) fall
 * back to the defaults, so a settings file never stops the app from starting.
 *
 * @param windowWidth the main window's width in pixels
 * @param windowHeight the main window's height in pixels
 * @param maximized whether the window was maximized
 * @param lastProject the folder of the project open last, or null
 * @param lastScreen the title of the screen shown last, or null
 * @param lastDirectory the folder a file chooser showed last, or null
 * @param confidenceThreshold the live recognizer names a gesture only above this probability
 * @param showPose whether the live overlay draws the pose skeleton
 * @param showHands whether the live overlay draws the hand skeletons
 * @param showFace whether the live overlay draws the face mesh points
 * @param clipsPerTake how many 30-frame clips one Record take captures
 * @param countdownSeconds the countdown before recording starts
 * @param strategy the active-learning query strategy the Label screen uses
 * @param batchSize how many clips one labeling batch asks about
 * @param autoRetrain whether the model retrains when a batch is done
 * @param eventOutputs where the Live screen sends recognized gestures (OSC, WebSocket)
 * @param recordingPerson who records on this computer, stored on each recorded clip: null until the Record screen
 *     has asked, empty when the answer was "unknown"
 * @param framesPerClip frames per clip of the projects File → New project creates (1 for static poses)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(
        double windowWidth,
        double windowHeight,
        boolean maximized,
        String lastProject,
        String lastScreen,
        String lastDirectory,
        double confidenceThreshold,
        Boolean showPose,
        Boolean showHands,
        Boolean showFace,
        int clipsPerTake,
        int countdownSeconds,
        String strategy,
        int batchSize,
        Boolean autoRetrain,
        EventOutputSettings eventOutputs,
        String recordingPerson,
        int framesPerClip) {

    /** The main window's default width (its content, without the title bar). */
    public static final double DEFAULT_WIDTH = 1240;
    /** The main window's default height (its content, without the title bar). */
    public static final double DEFAULT_HEIGHT = 720;

    /** The default recognition threshold. */
    public static final double DEFAULT_THRESHOLD = 0.8;

    /** Replaces missing and out-of-range values with the defaults. */
    public AppSettings {
        // The default leaves room for a title bar and a panel on a 1280x800 screen.
        windowWidth = windowWidth >= 640 ? windowWidth : DEFAULT_WIDTH;
        windowHeight = windowHeight >= 480 ? windowHeight : DEFAULT_HEIGHT;
        confidenceThreshold = confidenceThreshold > 0 && confidenceThreshold < 1 ? confidenceThreshold
                : DEFAULT_THRESHOLD;
        showPose = showPose == null || showPose;
        showHands = showHands == null || showHands;
        showFace = showFace == null || showFace;
        clipsPerTake = clipsPerTake >= 1 && clipsPerTake <= 100 ? clipsPerTake : 5;
        countdownSeconds = countdownSeconds >= 0 && countdownSeconds <= 10 ? countdownSeconds : 3;
        strategy = strategy == null || strategy.isBlank() ? org.gesturelab.active.QueryStrategies.DEFAULT
                : strategy;
        batchSize = batchSize >= 1 && batchSize <= 200 ? batchSize : 10;
        autoRetrain = autoRetrain == null || autoRetrain;
        eventOutputs = eventOutputs == null ? EventOutputSettings.defaults() : eventOutputs;
        recordingPerson = recordingPerson == null ? null : recordingPerson.strip();
        // Settings files from before the field read 0: new projects then get the usual 30 frames.
        framesPerClip = framesPerClip >= 1 && framesPerClip <= Limits.MAX_SEQUENCE_LENGTH ? framesPerClip
                : ProjectSettings.DEFAULT_SEQUENCE_LENGTH;
    }

    /** Returns the settings of a first start. */
    public static AppSettings defaults() {
        return new AppSettings(0, 0, false, null, null, null, 0, null, null, null, 0, -1, null, 0, null, null,
                null, 0);
    }

    /**
     * Returns a copy with a new window geometry.
     *
     * @param width the width
     * @param height the height
     * @param isMaximized whether maximized
     * @return the copy
     */
    public AppSettings withWindow(double width, double height, boolean isMaximized) {
        return new AppSettings(width, height, isMaximized, lastProject, lastScreen, lastDirectory,
                confidenceThreshold, showPose, showHands, showFace, clipsPerTake, countdownSeconds, strategy,
                batchSize, autoRetrain, eventOutputs, recordingPerson, framesPerClip);
    }

    /**
     * Returns a copy with another last project.
     *
     * @param folder the project folder
     * @return the copy
     */
    public AppSettings withLastProject(String folder) {
        return new AppSettings(windowWidth, windowHeight, maximized, folder, lastScreen, lastDirectory,
                confidenceThreshold, showPose, showHands, showFace, clipsPerTake, countdownSeconds, strategy,
                batchSize, autoRetrain, eventOutputs, recordingPerson, framesPerClip);
    }

    /**
     * Returns a copy with another last screen.
     *
     * @param screen the screen title
     * @return the copy
     */
    public AppSettings withLastScreen(String screen) {
        return new AppSettings(windowWidth, windowHeight, maximized, lastProject, screen, lastDirectory,
                confidenceThreshold, showPose, showHands, showFace, clipsPerTake, countdownSeconds, strategy,
                batchSize, autoRetrain, eventOutputs, recordingPerson, framesPerClip);
    }

    /**
     * Returns a copy with another last file-chooser folder.
     *
     * @param folder the folder
     * @return the copy
     */
    public AppSettings withLastDirectory(String folder) {
        return new AppSettings(windowWidth, windowHeight, maximized, lastProject, lastScreen, folder,
                confidenceThreshold, showPose, showHands, showFace, clipsPerTake, countdownSeconds, strategy,
                batchSize, autoRetrain, eventOutputs, recordingPerson, framesPerClip);
    }

    /**
     * Returns a copy with new overlay switches.
     *
     * @param pose draw the pose
     * @param hands draw the hands
     * @param face draw the face
     * @return the copy
     */
    public AppSettings withOverlay(boolean pose, boolean hands, boolean face) {
        return new AppSettings(windowWidth, windowHeight, maximized, lastProject, lastScreen, lastDirectory,
                confidenceThreshold, pose, hands, face, clipsPerTake, countdownSeconds, strategy, batchSize,
                autoRetrain, eventOutputs, recordingPerson, framesPerClip);
    }

    /**
     * Returns a copy with the preferences the Settings dialog edits.
     *
     * @param threshold the recognition threshold
     * @param clips clips per take
     * @param countdown countdown seconds
     * @param queryStrategy the query strategy
     * @param batch the batch size
     * @param retrain whether to retrain after a batch
     * @return the copy
     */
    public AppSettings withPreferences(double threshold, int clips, int countdown, String queryStrategy, int batch,
            boolean retrain) {
        return new AppSettings(windowWidth, windowHeight, maximized, lastProject, lastScreen, lastDirectory,
                threshold, showPose, showHands, showFace, clips, countdown, queryStrategy, batch, retrain,
                eventOutputs, recordingPerson, framesPerClip);
    }

    /**
     * Returns a copy with another clip length for new projects.
     *
     * @param frames frames per clip (1 for static poses)
     * @return the new settings
     */
    public AppSettings withFramesPerClip(int frames) {
        return new AppSettings(windowWidth, windowHeight, maximized, lastProject, lastScreen, lastDirectory,
                confidenceThreshold, showPose, showHands, showFace, clipsPerTake, countdownSeconds, strategy,
                batchSize, autoRetrain, eventOutputs, recordingPerson, frames);
    }

    /**
     * Returns a copy with other event outputs.
     *
     * @param outputs the Live screen's OSC and WebSocket settings
     * @return the copy
     */
    public AppSettings withEventOutputs(EventOutputSettings outputs) {
        return new AppSettings(windowWidth, windowHeight, maximized, lastProject, lastScreen, lastDirectory,
                confidenceThreshold, showPose, showHands, showFace, clipsPerTake, countdownSeconds, strategy,
                batchSize, autoRetrain, outputs, recordingPerson, framesPerClip);
    }

    /**
     * Returns a copy with another person recording.
     *
     * @param person the name, empty for "unknown", or null to ask again
     * @return the copy
     */
    public AppSettings withRecordingPerson(String person) {
        return new AppSettings(windowWidth, windowHeight, maximized, lastProject, lastScreen, lastDirectory,
                confidenceThreshold, showPose, showHands, showFace, clipsPerTake, countdownSeconds, strategy,
                batchSize, autoRetrain, eventOutputs, person, framesPerClip);
    }
}
