package org.gesturelab.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The application's version, as Maven stamped it into the jar. */
public final class Version {

    private Version() {
    }

    /** Returns the version string, for example {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        try (InputStream in = Version.class.getResourceAsStream("/org/gesturelab/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
