package org.gesturelab.cli;

import org.gesturelab.classify.ModelKind;
import org.gesturelab.core.GestureLabException;

import picocli.CommandLine;

/** Reads {@code --arch} values: a network or a classical model by its name; a wrong name is a usage error. */
final class ModelKindConverter implements CommandLine.ITypeConverter<ModelKind> {

    @Override
    public ModelKind convert(String value) {
        try {
            return ModelKind.fromId(value);
        } catch (GestureLabException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
