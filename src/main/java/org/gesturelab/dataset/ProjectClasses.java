package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.gesturelab.core.GestureLabException;

/**
 * A project's settings and class list, kept in {@code project.json}: the in-memory copy every other part reads, and
 * the only code that rewrites the file. Classes are positions (a label is an index into the list), so they are only
 * ever added or changed in place.
 */
final class ProjectClasses {

    private final Path file;
    private final ProjectDb db;
    private volatile ProjectSettings settings;

    ProjectClasses(Path file, ProjectDb db, ProjectSettings settings) {
        this.file = file;
        this.db = db;
        this.settings = settings;
    }

    ProjectSettings settings() {
        return settings;
    }

    List<GestureClass> classes() {
        return settings.classes();
    }

    int indexOf(String name) {
        return settings.indexOf(name);
    }

    int require(String name) {
        int index = indexOf(name);
        if (index < 0) {
            throw new GestureLabException("Project '" + settings.name() + "' has no class '" + name
                    + "'; its classes are " + settings.classNames() + ".");
        }
        return index;
    }

    int add(String given) {
        return db.locked(() -> {
            int index = indexOf(given);
            if (index >= 0) {
                return index;
            }
            // The same rules as an import's new classes (issue: a BOM or another normalisation made invisible
            // duplicates): classes added on the Record screen or by the label command pass through here.
            String name = ClassNames.normalise(given);
            index = indexOf(name);
            if (index >= 0) {
                return index;
            }
            ClassNames.requireNew(name, settings.classNames());
            write(settings.withClassAdded(name));
            return settings.classes().size() - 1;
        });
    }

    int ensureNothing() {
        return db.locked(() -> {
            ProjectSettings marked = settings.withNothingClass();
            if (marked != settings) {
                write(marked);
            }
            return settings.nothingIndex();
        });
    }

    void setTestShare(double share) {
        db.locked(() -> {
            write(settings.withTestShare(share));
            return null;
        });
    }

    void update(int index, Function<GestureClass, GestureClass> change) {
        db.locked(() -> {
            checkIndex(index);
            List<GestureClass> classes = new ArrayList<>(settings.classes());
            classes.set(index, change.apply(classes.get(index)));
            write(settings.withClasses(classes));
            return null;
        });
    }

    /**
     * Rewrites {@code project.json}, then the database's record of the class list (inside the caller's transaction
     * when there is one, so a batch that does not commit takes it back). The caller holds the project's lock.
     */
    void write(ProjectSettings newSettings) {
        db.checkWritable();
        try {
            newSettings.write(file);
        } catch (IOException e) {
            throw DiskTrouble.cannotWrite(file, e);
        }
        settings = newSettings;
        record();
    }

    /** Records the current class list in the database. */
    void record() {
        List<String> names = settings.classNames();
        db.write(() -> {
            try (Statement statement = db.connection().createStatement()) {
                statement.executeUpdate("DELETE FROM classes");
            }
            try (PreparedStatement insert = db.connection().prepareStatement(
                    "INSERT INTO classes (position, name) VALUES (?, ?)")) {
                for (int i = 0; i < names.size(); i++) {
                    insert.setInt(1, i);
                    insert.setString(2, names.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** Returns the class names the database last recorded, by position (empty before the first record). */
    List<String> recorded() {
        return db.read(() -> {
            List<String> names = new ArrayList<>();
            try (Statement statement = db.connection().createStatement();
                    ResultSet rs = statement.executeQuery("SELECT name FROM classes ORDER BY position")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    /** Replaces the in-memory and on-disk settings without recording them (used when cleaning up at open). */
    void rewrite(ProjectSettings newSettings) {
        try {
            newSettings.write(file);
        } catch (IOException e) {
            throw DiskTrouble.cannotWrite(file, e);
        }
        settings = newSettings;
    }

    void checkIndex(int index) {
        if (index < 0 || index >= settings.classes().size()) {
            throw new GestureLabException("No class number " + index + "; the project has "
                    + settings.classes().size() + " classes.");
        }
    }
}
