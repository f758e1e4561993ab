package org.gesturelab.dataset;

import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.gesturelab.core.GestureLabException;

/**
 * A gesture class as the user sees it: its name, the colour that marks it, and the key that assigns it.
 * A class is identified by its position in {@link Project#classes()}; positions never change (classes are only
 * added, renamed or recoloured), so the class index stored with every label stays valid. Fields of a class in
 * {@code project.json} that this version does not know are accepted, and kept when the file is rewritten.
 *
 * @param name the display name, kept exactly as given (spaces and apostrophes included); it is also the folder
 *     name in MP_Data exports, so it may not contain slashes or control characters
 * @param color the colour as {@code #RRGGBB}
 * @param shortcut the single key that assigns this class, or null for none
 * @param nothing whether this is the project's Nothing class (idle, transitions, other movements; see
 *     {@link NothingClass}); written to {@code project.json} as {@code "nothing": true} only when set, so that a
 *     rename keeps the class what it is
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GestureClass(String name, String color, String shortcut,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean nothing) {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
    /** Colour-blind-safe colours (Okabe-Ito, then Tableau) handed out to new classes in turn. */
    private static final String[] PALETTE = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00",
        "#CC79A7", "#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#9C755F", "#76B7B2", "#EDC948", "#BAB0AC"};

    /**
     * Validates the class.
     *
     * @throws GestureLabException if the name, colour or shortcut is unusable
     */
    public GestureClass {
        checkName(name);
        Objects.requireNonNull(color, "color");
        if (!HEX.matcher(color).matches()) {
            throw new GestureLabException("Colour '" + color + "' of class '" + name
                    + "' is not a hex colour like #E69F00.");
        }
        color = color.toUpperCase(java.util.Locale.ROOT);
        if (shortcut != null && shortcut.codePointCount(0, shortcut.length()) != 1) {
            throw new GestureLabException("Shortcut '" + shortcut + "' of class '" + name + "' must be one key.");
        }
    }

    /**
     * A class that is not the Nothing class.
     *
     * @param name the display name
     * @param color the colour as {@code #RRGGBB}
     * @param shortcut the single key that assigns this class, or null for none
     */
    public GestureClass(String name, String color, String shortcut) {
        this(name, color, shortcut, false);
    }

    /**
     * The keys handed out to new classes in turn: the digits 1..9 and 0, then letters. N, Q and R are left out
     * because they already fetch the next batch, skip a clip and start recording.
     */
    public static final String DEFAULT_KEYS = "1234567890abcdefghijklmopstuvwxyz";

    /**
     * Returns the class that would be added at a position: the next palette colour and the key at that position
     * of {@link #DEFAULT_KEYS}, or none after the last.
     *
     * @param name the class name
     * @param index the position it will take
     * @return the class
     */
    public static GestureClass withDefaults(String name, int index) {
        String shortcut = index < DEFAULT_KEYS.length() ? String.valueOf(DEFAULT_KEYS.charAt(index)) : null;
        return new GestureClass(name, PALETTE[index % PALETTE.length], shortcut);
    }

    /** Returns this class with another name. */
    public GestureClass withName(String newName) {
        return new GestureClass(newName, color, shortcut, nothing);
    }

    /** Returns this class with another colour. */
    public GestureClass withColor(String newColor) {
        return new GestureClass(name, newColor, shortcut, nothing);
    }

    /** Returns this class with another shortcut (null for none). */
    public GestureClass withShortcut(String newShortcut) {
        return new GestureClass(name, color, newShortcut, nothing);
    }

    /** Returns this class marked as the project's Nothing class. */
    public GestureClass asNothing() {
        return new GestureClass(name, color, shortcut, true);
    }

    static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new GestureLabException("A class name may not be empty.");
        }
        if (!name.equals(name.strip())) {
            throw new GestureLabException("Class name '" + name + "' starts or ends with spaces; remove them.");
        }
        if (name.equals(".") || name.equals("..")) {
            throw new GestureLabException("'" + name + "' cannot be a class name.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || Character.isISOControl(c)) {
                throw new GestureLabException("Class name '" + name
                        + "' contains a slash or control character; class names are also folder names.");
            }
        }
    }
}
