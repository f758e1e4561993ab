package org.gesturelab.app.common;

/**
 * The style class names of {@code gesturelab.css}, so that Java code and the stylesheet cannot drift apart silently.
 */
public final class Styles {

    /** The app's one stylesheet, on the class path. */
    public static final String STYLESHEET = "/org/gesturelab/app/gesturelab.css";

    /** The navigation column on the left. */
    public static final String SIDEBAR = "sidebar";
    /** A navigation button in the sidebar. */
    public static final String NAV_BUTTON = "nav-button";
    /** The app's name at the top of the sidebar. */
    public static final String BRAND = "brand";
    /** The area where screens are shown. */
    public static final String CONTENT = "content";
    /** A screen's root. */
    public static final String SCREEN = "screen";
    /** A screen's title. */
    public static final String SCREEN_TITLE = "screen-title";
    /** A line under a screen's title. */
    public static final String SCREEN_SUBTITLE = "screen-subtitle";
    /** A white rounded panel. */
    public static final String CARD = "card";
    /** A small heading inside a card. */
    public static final String CARD_TITLE = "card-title";
    /** The bar at the bottom of the window. */
    public static final String STATUS_BAR = "status-bar";
    /** A prominent button. */
    public static final String ACCENT = "accent";
    /** A destructive button. */
    public static final String DANGER = "danger";
    /** An information banner. */
    public static final String BANNER = "banner";
    /** A warning banner. */
    public static final String BANNER_WARNING = "banner-warning";
    /** Muted secondary text. */
    public static final String MUTED = "muted";
    /** Large figures: fps, confidence. */
    public static final String METRIC = "metric";
    /** The label under a metric. */
    public static final String METRIC_CAPTION = "metric-caption";
    /** The black area video is drawn on. */
    public static final String VIDEO_PANE = "video-pane";
    /** A keyboard key drawn as a keycap. */
    public static final String KEYCAP = "keycap";
    /** The recording indicator. */
    public static final String RECORDING = "recording";
    /** The big countdown number. */
    public static final String COUNTDOWN = "countdown";
    /** A small coloured square showing a class colour. */
    public static final String SWATCH = "swatch";
    /** A progress panel with its Cancel button. */
    public static final String PROGRESS_PANEL = "progress-panel";
    /** A chip in a strip of recent gestures. */
    public static final String CHIP = "chip";
    /** The recognized gesture's name. */
    public static final String TOP_GESTURE = "top-gesture";
    /** The calm "Nothing" state of the recognized-gesture label. */
    public static final String CALM = "calm";

    private Styles() {
    }

    /**
     * Keeps controls at least as wide as their text: in a crowded row the row's message or spacer gives way, never
     * a button's label.
     *
     * @param controls the controls
     */
    public static void keepWidth(javafx.scene.layout.Region... controls) {
        for (javafx.scene.layout.Region control : controls) {
            control.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
    }
}
