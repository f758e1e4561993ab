package org.gesturelab.dataset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;

/**
 * The contents of {@code project.json}: what a person may want to read or edit by hand. Clips and labels live in
 * the database, never here. Fields this version does not know are kept when the file is rewritten.
 *
 * @param formatVersion the file format's version, {@value #FORMAT_VERSION} today
 * @param name the project's name
 * @param classes the gesture classes; a label is an index into this list
 * @param sequenceLength frames per clip that recording, windowing and the models follow (30 by default; 1 for static
 *     poses)
 * @param featureLayout the per-frame feature layout, {@value #HOLISTIC_LAYOUT}
 * @param features floats per frame (1662)
 * @param testShare the share of each class's labeled clips held out as test clips as they arrive, in [0, 0.9];
 *     null (absent from the file) for the default {@value #DEFAULT_TEST_SHARE}; 0 turns the hold-out off
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectSettings(int formatVersion, String name, List<GestureClass> classes, int sequenceLength,
        String featureLayout, int features, @JsonInclude(JsonInclude.Include.NON_NULL) Double testShare) {

    /** The format version this code writes. */
    public static final int FORMAT_VERSION = 1;
    /** The MediaPipe Holistic 1662-float layout of {@link KeypointLayout}. */
    public static final String HOLISTIC_LAYOUT = "mediapipe-holistic-1662";
    /** The default clip length in frames. */
    public static final int DEFAULT_SEQUENCE_LENGTH = 30;
    /** The share of each class's labeled clips held out for testing unless the project says otherwise. */
    public static final double DEFAULT_TEST_SHARE = 0.2;
    /** The largest test share: a class must keep clips to train on. */
    public static final double MAX_TEST_SHARE = 0.9;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * Validates the settings.
     *
     * @throws GestureLabException if they are inconsistent
     */
    public ProjectSettings {
        if (name == null || name.isBlank()) {
            throw new GestureLabException("A project needs a name.");
        }
        classes = List.copyOf(classes == null ? List.of() : classes);
        Set<String> names = new HashSet<>();
        Set<String> shortcuts = new HashSet<>();
        for (GestureClass gestureClass : classes) {
            if (!names.add(gestureClass.name())) {
                throw new GestureLabException("Class '" + gestureClass.name() + "' is listed twice.");
            }
            if (gestureClass.shortcut() != null
                    && !shortcuts.add(gestureClass.shortcut().toLowerCase(Locale.ROOT))) {
                throw new GestureLabException("Shortcut '" + gestureClass.shortcut()
                        + "' is used by two classes; give each class its own key.");
            }
        }
        if (sequenceLength <= 0 || sequenceLength > Limits.MAX_SEQUENCE_LENGTH) {
            throw new GestureLabException("Sequence length must be between 1 and " + Limits.MAX_SEQUENCE_LENGTH
                    + " frames, not " + sequenceLength + ".");
        }
        if (!HOLISTIC_LAYOUT.equals(featureLayout) || features != KeypointLayout.FEATURES) {
            throw new GestureLabException("Unsupported feature layout '" + featureLayout + "' with " + features
                    + " features; GestureLab projects use " + HOLISTIC_LAYOUT + ".");
        }
        if (testShare != null && !(testShare >= 0 && testShare <= MAX_TEST_SHARE)) {
            throw new GestureLabException("The test share must be between 0 and " + MAX_TEST_SHARE + ", not "
                    + testShare + ".");
        }
    }

    /** Returns the share of each class's labeled clips held out for testing: the project's, else the default. */
    public double testShareOrDefault() {
        return testShare != null ? testShare : DEFAULT_TEST_SHARE;
    }

    /** Returns these settings with another test share. */
    ProjectSettings withTestShare(double share) {
        return new ProjectSettings(formatVersion, name, classes, sequenceLength, featureLayout, features, share);
    }

    /**
     * Returns the settings of a new project with default colours and shortcuts.
     *
     * @param name the project's name
     * @param classNames the class names, in order
     * @return the settings
     */
    public static ProjectSettings of(String name, List<String> classNames) {
        return of(name, classNames, DEFAULT_SEQUENCE_LENGTH);
    }

    /**
     * Returns the settings of a new project whose clips have another length.
     *
     * @param name the project's name
     * @param classNames the class names, in order
     * @param sequenceLength frames per clip: 1 for static poses, up to {@link Limits#MAX_SEQUENCE_LENGTH}
     * @return the settings
     * @throws GestureLabException if the length is out of range
     */
    public static ProjectSettings of(String name, List<String> classNames, int sequenceLength) {
        List<GestureClass> classes = new ArrayList<>();
        for (String className : classNames) {
            classes.add(GestureClass.withDefaults(className.strip(), classes.size()));
        }
        return new ProjectSettings(FORMAT_VERSION, name, classes, sequenceLength, HOLISTIC_LAYOUT,
                KeypointLayout.FEATURES, null);
    }

    /** Returns the class names in order. */
    public List<String> classNames() {
        return classes.stream().map(GestureClass::name).toList();
    }

    /**
     * Returns the index of a class.
     *
     * @param className the exact name
     * @return its index, or -1 if there is no such class
     */
    public int indexOf(String className) {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).name().equals(className)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the position of the Nothing class: the class marked {@code "nothing": true}, else (a project from
     * before the mark, or a read-only view not yet migrated) the class named {@value NothingClass#DEFAULT_NAME}.
     *
     * @return its index, or -1 when the project has none
     */
    public int nothingIndex() {
        for (int i = 0; i < classes.size(); i++) {
            if (classes.get(i).nothing()) {
                return i;
            }
        }
        for (int i = 0; i < classes.size(); i++) {
            if (NothingClass.isNothing(classes.get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns these settings with a marked Nothing class: the marked one if there is one; else the class named
     * {@value NothingClass#DEFAULT_NAME}, marked; else a new class of that name appended at the end (appending keeps
     * every label index valid), grey, with key {@value NothingClass#DEFAULT_KEY} when no other class uses it.
     */
    ProjectSettings withNothingClass() {
        int index = nothingIndex();
        List<GestureClass> list = new ArrayList<>(classes);
        if (index >= 0) {
            if (classes.get(index).nothing()) {
                return this;
            }
            list.set(index, classes.get(index).asNothing());
        } else {
            boolean keyFree = classes.stream().noneMatch(c -> NothingClass.DEFAULT_KEY.equals(c.shortcut()));
            list.add(new GestureClass(NothingClass.DEFAULT_NAME, NothingClass.COLOR,
                    keyFree ? NothingClass.DEFAULT_KEY : null, true));
        }
        return withClasses(list);
    }

    /** Returns these settings with one more class, with default colour and a free default shortcut. */
    ProjectSettings withClassAdded(String className) {
        // Keys and colours count gestures only, so that a project that starts with its Nothing class ('0') gives
        // its first gesture '1'.
        int gestures = (int) classes.stream().filter(c -> !c.nothing()).count();
        GestureClass added = GestureClass.withDefaults(className, gestures);
        Set<String> taken = new HashSet<>();
        classes.forEach(c -> taken.add(c.shortcut() == null ? null : c.shortcut().toLowerCase(Locale.ROOT)));
        if (taken.contains(added.shortcut())) {
            // The user gave this position's key to another class: the first key nobody has.
            String free = null;
            for (char key : GestureClass.DEFAULT_KEYS.toCharArray()) {
                if (!taken.contains(String.valueOf(key))) {
                    free = String.valueOf(key);
                    break;
                }
            }
            added = added.withShortcut(free);
        }
        List<GestureClass> list = new ArrayList<>(classes);
        list.add(added);
        return withClasses(list);
    }

    /** Returns these settings with another class list. */
    ProjectSettings withClasses(List<GestureClass> newClasses) {
        return new ProjectSettings(formatVersion, name, newClasses, sequenceLength, featureLayout, features, testShare);
    }

    /**
     * Reads {@code project.json}.
     *
     * @param file the file
     * @return the settings
     * @throws IOException if it cannot be read
     * @throws GestureLabException if it is not valid project settings
     */
    static ProjectSettings read(Path file) throws IOException {
        ProjectSettings settings;
        try {
            settings = JSON.readValue(file.toFile(), ProjectSettings.class);
        } catch (JsonProcessingException e) {
            throw new GestureLabException("Cannot read " + file + ": " + e.getOriginalMessage(), e);
        }
        if (settings.formatVersion() > FORMAT_VERSION) {
            throw new GestureLabException(file + " was written by a newer GestureLab (format "
                    + settings.formatVersion() + "); update GestureLab to open this project.");
        }
        return settings;
    }

    /**
     * Copies the fields this version does not know (written by a newer GestureLab, another tool or a person) from the
     * file being replaced into the new text: top-level fields, and fields inside each class by position.
     */
    private static void keepUnknownFields(Path file, ObjectNode tree) {
        JsonNode old;
        try {
            if (!Files.isRegularFile(file)) {
                return;
            }
            old = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return;
        }
        if (!(old instanceof ObjectNode oldObject)) {
            return;
        }
        oldObject.fields().forEachRemaining(field -> {
            if (!tree.has(field.getKey())) {
                tree.set(field.getKey(), field.getValue());
            }
        });
        JsonNode oldClasses = old.get("classes");
        JsonNode newClasses = tree.get("classes");
        if (oldClasses instanceof ArrayNode oldList && newClasses instanceof ArrayNode newList) {
            for (int i = 0; i < Math.min(oldList.size(), newList.size()); i++) {
                if (oldList.get(i) instanceof ObjectNode oldClass && newList.get(i) instanceof ObjectNode newClass) {
                    oldClass.fields().forEachRemaining(field -> {
                        if (!newClass.has(field.getKey())) {
                            newClass.set(field.getKey(), field.getValue());
                        }
                    });
                }
            }
        }
    }

    /**
     * Writes {@code project.json} so that a crash leaves either the old or the new file, never half of one:
     * the text goes to a temporary file that is flushed to disk and then renamed over the old one.
     *
     * @param file the target file
     * @throws IOException if it cannot be written
     */
    void write(Path file) throws IOException {
        ObjectNode tree = JSON.valueToTree(this);
        keepUnknownFields(file, tree);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = Channels.newOutputStream(channel);
            out.write(JSON.writeValueAsBytes(tree));
            out.write('\n');
            out.flush();
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        FileSync.directory(file.getParent());
    }
}
