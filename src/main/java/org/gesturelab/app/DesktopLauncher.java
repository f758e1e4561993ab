package org.gesturelab.app;

import java.util.Locale;

import javafx.application.Application;

/**
 * Starts the desktop app from the jar's {@code Main}. It is not itself an {@link Application}: JavaFX refuses to start
 * an application class directly from the class path ("JavaFX runtime components are missing"), so this plain class
 * checks for a display and then launches {@link GestureLabApp}.
 */
public final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /**
     * Returns why no window can be opened here, or null when a display is available. On Linux and the BSDs a window
     * needs an X11 or Wayland display; without one JavaFX would fail with a native stack trace.
     *
     * @return the reason, for a person to read, or null
     */
    public static String whyNoDisplay() {
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        boolean x11Platform = os.contains("linux") || os.contains("bsd") || os.contains("sunos");
        if (x11Platform && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the desktop app cannot open. "
                    + "Run it on a desktop session (or over ssh -X, or under xvfb-run), or use the commands below.";
        }
        return null;
    }

    /**
     * Opens the main window and returns when it is closed.
     *
     * @param args the command-line arguments (none)
     * @return null when the app ran, or why it could not open a window
     */
    public static String launch(String[] args) {
        String noDisplay = whyNoDisplay();
        if (noDisplay != null) {
            return noDisplay;
        }
        try {
            Application.launch(GestureLabApp.class, args);
            return null;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            // Glass throws UnsupportedOperationException("Unable to open DISPLAY") and similar when the display
            // exists on paper but cannot be used.
            return "The desktop app could not open a window: " + e.getMessage();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
