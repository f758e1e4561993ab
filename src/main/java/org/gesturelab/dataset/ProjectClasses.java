package org.gesturelab.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

    int add(String name) {
        return db.locked(() -> {
            int index = indexOf(name);
            if (index >= 0) {
                return index;
            }
            GestureClass.checkName(name);
            write(settings.withClassAdded(name));
            return settings.classes().size() - 1;
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

    /** Rewrites {@code project.json}; the caller holds the project's lock. */
    void write(ProjectSettings newSettings) {
        db.checkWritable();
        try {
            newSettings.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
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
