package org.gesturelab.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.core.GestureLabException;

/**
 * Reads comma-separated records as RFC 4180 describes them: fields may be quoted, quotes inside are doubled,
 * quoted fields may span lines. Counts lines (for error messages) and characters (for progress).
 */
final class CsvRecords {

    private final Reader in;
    private final String name;
    private int line = 1;
    private int recordLine;
    private long chars;
    private int pending = -2;

    /**
     * One record of a table with a header line.
     *
     * @param line the line it starts on, for error messages
     * @param values the fields by column name
     */
    record Row(int line, Map<String, String> values) {
        /** Returns the value of a column, or an empty string if the record lacks it. */
        String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value;
        }
    }

    /**
     * Reads a UTF-8 CSV file with a header line into rows of named values.
     *
     * @param file the file
     * @param required a column the header must name
     * @return the rows after the header, in order
     * @throws GestureLabException naming the file (and line) if it is not such a table
     * @throws IOException if it cannot be read
     */
    static List<Row> readTable(Path file, String required) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvRecords records = new CsvRecords(reader, file.toString());
            List<String> header = records.next();
            if (header == null || !header.contains(required)) {
                throw new GestureLabException(file + " needs a header line naming a '" + required + "' column.");
            }
            List<String> fields;
            while ((fields = records.next()) != null) {
                if (fields.size() > header.size()) {
                    throw new GestureLabException(file + " line " + records.line() + ": " + fields.size()
                            + " fields but the header names " + header.size() + ".");
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    values.put(header.get(i), fields.get(i));
                }
                rows.add(new Row(records.line(), values));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new GestureLabException(file + " is not UTF-8 text.", e);
        }
        return rows;
    }

    CsvRecords(Reader in, String name) {
        this.in = in;
        this.name = name;
    }

    /** Returns the line on which the last record returned started. */
    int line() {
        return recordLine;
    }

    /** Returns how many characters were read so far. */
    long chars() {
        return chars;
    }

    /**
     * Reads the next record, skipping blank lines.
     *
     * @return its fields, or null at the end of the input
     */
    List<String> next() throws IOException {
        while (true) {
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\n') {
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            return record();
        }
    }

    private List<String> record() throws IOException {
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new GestureLabException(name + " line " + recordLine + ": a quoted field is never closed.");
                }
                if (c == '"') {
                    int after = read();
                    if (after == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        unread(after);
                    }
                } else {
                    field.append((char) c);
                }
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r' || c == ',') {
                fields.add(wasQuoted ? field.toString() : field.toString().strip());
                field.setLength(0);
                wasQuoted = false;
                if (c != ',') {
                    if (c == '\r') {
                        int after = read();
                        if (after != '\n') {
                            unread(after);
                        }
                    }
                    return fields;
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (wasQuoted) {
                if (!Character.isWhitespace(c)) {
                    throw new GestureLabException(name + " line " + line + ": text after a closing quote.");
                }
            } else {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        int c;
        if (pending != -2) {
            c = pending;
            pending = -2;
        } else {
            c = in.read();
            if (c != -1) {
                chars++;
            }
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread(int c) {
        if (c == '\n') {
            line--;
        }
        pending = c;
    }

    /** Quotes a field if it needs it. */
    static String quote(String field) {
        if (field.isEmpty() || field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || !field.equals(field.strip())) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
