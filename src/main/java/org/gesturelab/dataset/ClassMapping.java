package org.gesturelab.dataset;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.gesturelab.core.GestureLabException;

/**
 * Which classes of an import go into the project's Nothing class instead of a class of their own
 * ({@code import ... --as-nothing static,random}): a dataset's "no gesture" classes, under whatever name it gives
 * them. Every import format applies it where it turns a class name into a class.
 *
 * @param asNothing the source's class names that become Nothing, exactly as the source spells them
 */
public record ClassMapping(Set<String> asNothing) {

    /** Keeps every class as it is. */
    public static final ClassMapping NONE = new ClassMapping(Set.of());

    /** Copies the names. */
    public ClassMapping {
        asNothing = Set.copyOf(asNothing == null ? Set.of() : asNothing);
    }

    /** Returns a mapping of the given names into Nothing (none for an empty set or null). */
    public static ClassMapping intoNothing(Set<String> names) {
        return names == null || names.isEmpty() ? NONE : new ClassMapping(names);
    }

    /** A mapping in use during one import: it remembers which names it met, to refuse a name the source lacks. */
    static final class Applied {
        private final ClassMapping mapping;
        private final String nothing;
        private final Set<String> met = new HashSet<>();

        Applied(ClassMapping mapping, Project project) {
            this.mapping = mapping;
            this.nothing = project.nothingClass().orElse(NothingClass.DEFAULT_NAME);
        }

        /** Returns the class a source's class name goes into. */
        String apply(String name) {
            if (name != null && mapping.asNothing().contains(name.strip())) {
                met.add(name.strip());
                return nothing;
            }
            return name;
        }

        /** Refuses names the import never met: a typo would otherwise silently keep a gesture a gesture. */
        void checkAllMet(List<String> sourceClasses) {
            Set<String> missing = new TreeSet<>(mapping.asNothing());
            missing.removeAll(met);
            if (!missing.isEmpty()) {
                throw new GestureLabException("--as-nothing names " + String.join(", ", missing)
                        + ", which this import has no clips of" + (sourceClasses.isEmpty() ? "" : "; its classes are "
                        + String.join(", ", new TreeSet<>(sourceClasses))) + ". Nothing was imported.");
            }
        }
    }
}
