package org.gesturelab.dataset;

import java.util.regex.Pattern;

/**
 * Parses numbers in CSV files strictly: plain decimals with an optional exponent ({@code -0.5}, {@code 1e-3},
 * {@code .25}), as NumPy, pandas and spreadsheets write them. {@link Float#parseFloat} alone also takes Java
 * literals such as {@code 1.5f}, {@code 2d} and hexadecimal {@code 0x1p3}, which no CSV writer produces and which
 * would hide a damaged or mistaken file.
 */
final class CsvNumbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(?:nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private CsvNumbers() {
    }

    /**
     * Parses a decimal number; {@code NaN} and {@code inf} in their usual spellings parse too, so that the
     * importer can say they are not finite rather than "not a number".
     *
     * @param text the field
     * @return its value
     * @throws NumberFormatException if it is not a plain decimal number
     */
    static float parse(String text) {
        if (DECIMAL.matcher(text).matches()) {
            return Float.parseFloat(text);
        }
        if (NON_FINITE.matcher(text).matches()) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            return lower.contains("nan") ? Float.NaN
                    : lower.startsWith("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
        }
        throw new NumberFormatException(text);
    }

    /** Returns whether a field is a number in the sense of {@link #parse}. */
    static boolean isNumber(String text) {
        return DECIMAL.matcher(text).matches() || NON_FINITE.matcher(text).matches();
    }
}
