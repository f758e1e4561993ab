package org.gesturelab.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The "Nothing" class: idle, transitions, movements that are no gesture. Continuous recognition needs it (a
 * classifier that knows only gestures calls standing still one of them); spotting never reports it as an event.
 * A project's Nothing class is the class marked {@code "nothing": true} in {@code project.json}
 * ({@link GestureClass#nothing()}), so that it may be renamed; {@link Project#nothingClass()} finds it. Where only
 * class names are at hand (a model's class list, an evaluation), it is the one named {@value #DEFAULT_NAME} in any
 * case.
 */
public final class NothingClass {

    /** The name a project's Nothing class gets. */
    public static final String DEFAULT_NAME = "Nothing";
    /** The key that assigns a new Nothing class, when no other class has it. */
    public static final String DEFAULT_KEY = "0";
    /** A calm grey: Nothing is no gesture, so it gets no palette colour. */
    public static final String COLOR = "#8C8C8C";

    private NothingClass() {
    }

    /**
     * Finds the Nothing class among class names.
     *
     * @param classNames the class names, in order
     * @return its name, or empty when there is none
     */
    public static Optional<String> in(List<String> classNames) {
        return classNames.stream().filter(NothingClass::isNothing).findFirst();
    }

    /** Returns whether a class name is the Nothing class's. */
    public static boolean isNothing(String className) {
        return className != null && className.toLowerCase(Locale.ROOT).equals(DEFAULT_NAME.toLowerCase(Locale.ROOT));
    }
}
