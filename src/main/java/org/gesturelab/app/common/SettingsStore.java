package org.gesturelab.app.common;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves {@link AppSettings} as JSON: {@code ~/.gesturelab/settings.json}, or the file named by the system
 * property {@value #PROPERTY} (tests point it into a temporary folder). A missing or unreadable file yields the
 * defaults; the app must start even when its settings are damaged.
 */
public final class SettingsStore {

    /** The system property that overrides the settings file. */
    public static final String PROPERTY = "gesturelab.settings";

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private AppSettings current;

    /**
     * Opens the store at a file and reads it.
     *
     * @param file the JSON file, which need not exist
     */
    public SettingsStore(Path file) {
        this.file = file;
        this.current = read(file);
    }

    /** Returns the store at the default location (or the one the system property names). */
    public static SettingsStore atDefaultLocation() {
        String configured = System.getProperty(PROPERTY);
        Path file = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".gesturelab", "settings.json");
        return new SettingsStore(file);
    }

    /** Returns the settings file. */
    public Path file() {
        return file;
    }

    /** Returns the current settings. */
    public synchronized AppSettings get() {
        return current;
    }

    /**
     * Changes the settings and writes them at once.
     *
     * @param change what to change
     * @return the new settings
     */
    public synchronized AppSettings update(UnaryOperator<AppSettings> change) {
        current = change.apply(current);
        write();
        return current;
    }

    private void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(temporary.toFile(), current);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // Settings are a convenience: failing to save them must not interrupt the user's work.
            LOG.warn("Could not save settings to {}: {}", file, e.toString());
        }
    }

    private static AppSettings read(Path file) {
        if (!Files.isRegularFile(file)) {
            return AppSettings.defaults();
        }
        try {
            return JSON.readValue(file.toFile(), AppSettings.class);
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable settings {}: {}", file, e.toString());
            return AppSettings.defaults();
        }
    }
}
