package org.gesturelab.dataset;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.gesturelab.core.GestureLabException;

/**
 * The rules for a class name that an import brings into a project, beyond {@link GestureClass#checkName}: the
 * name is normalised to Unicode NFC (so "é" typed on a Mac and on Windows is one class), and names that every
 * export format cannot carry are refused while the import can still be rolled back, instead of failing or
 * silently vanishing at export: a leading "." (a hidden folder, which an MP_Data import skips), a name longer
 * than a file name may be, a name that differs from an existing class only by case or normalisation (two folders
 * a case-insensitive disk cannot hold apart), and more classes than {@link Limits#MAX_CLASSES}.
 */
final class ClassNames {

    private ClassNames() {
    }

    /**
     * Returns a name as an import stores it: without a stray byte order mark, in NFC.
     *
     * @param name the name as read
     * @return the normalised name
     */
    static String normalise(String name) {
        String stripped = name.startsWith("\uFEFF") ? name.substring(1) : name;
        return Normalizer.normalize(stripped, Normalizer.Form.NFC);
    }

    /**
     * Checks a class name an import is about to add.
     *
     * @param name the normalised name, not yet in the project
     * @param existing the project's class names
     * @throws GestureLabException saying why the name cannot be a class
     */
    static void requireNew(String name, List<String> existing) {
        GestureClass.checkName(name);
        if (name.startsWith(".")) {
            throw new GestureLabException("Class name '" + name + "' starts with '.'; class names are folder "
                    + "names in MP_Data exports, where such a folder is hidden and skipped. Rename it.");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > Limits.MAX_CLASS_NAME_BYTES) {
            throw new GestureLabException("Class name '" + name.substring(0, Math.min(40, name.length()))
                    + "...' is " + bytes + " bytes long; class names are folder names in exports and may have at "
                    + "most " + Limits.MAX_CLASS_NAME_BYTES + " bytes.");
        }
        String key = foldKey(name);
        for (String other : existing) {
            if (foldKey(other).equals(key)) {
                throw new GestureLabException("Class name '" + name + "' differs from the existing class '" + other
                        + "' only by upper/lower case or Unicode normalisation; use the same name, or a clearly "
                        + "different one.");
            }
        }
        if (existing.size() >= Limits.MAX_CLASSES) {
            throw new GestureLabException("The project already has " + existing.size() + " classes, the most "
                    + "GestureLab supports; cannot add class '" + name + "'. Is the class column the right one?");
        }
    }

    private static String foldKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
