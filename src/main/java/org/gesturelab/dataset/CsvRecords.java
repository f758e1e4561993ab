package org.gesturelab.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.gesturelab.core.GestureLabException;

/**
 * Reads comma-separated records as RFC 4180 describes them (fields may be quoted, quotes inside are doubled,
 * quoted fields may span lines) with Jackson's CSV parser, and adds what the importers need around it: a byte
 * order mark at the start is dropped, line numbers and the characters read so far are reported (for messages and
 * progress), and every parse error becomes a {@link GestureLabException} naming the file and line. Unquoted fields
 * are trimmed, quoted ones kept exactly. See {@code docs/decisions/0902-parsers.md} for why the library.
 */
final class CsvRecords implements AutoCloseable {

    /** The byte order mark some editors (Excel among them) put at the start of a UTF-8 file. */
    static final char BOM = '\uFEFF';

    private static final CsvFactory FACTORY = CsvFactory.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private final CsvParser parser;
    private final String name;
    private int recordLine;

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
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CsvRecords records = new CsvRecords(reader, file.toString())) {
            List<String> header = records.next();
            if (header == null || !header.contains(required)) {
                throw new GestureLabException(file + " needs a header line naming a '" + required + "' column"
                        + (header == null ? "." : "; its first line names " + String.join(", ", header) + "."));
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

    CsvRecords(Reader in, String name) throws IOException {
        this.name = name;
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != BOM) {
            reader.unread(first);
        }
        this.parser = (CsvParser) FACTORY.createParser(reader);
    }

    /** Returns the line on which the last record returned started. */
    int line() {
        return recordLine;
    }

    /** Returns how many characters were read so far. */
    long chars() {
        return Math.max(0, parser.currentLocation().getCharOffset());
    }

    /**
     * Reads the next record, skipping blank lines.
     *
     * @return its fields, or null at the end of the input
     * @throws GestureLabException naming the file and line if the text is not valid CSV
     */
    List<String> next() throws IOException {
        try {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return null;
            }
            if (token != JsonToken.START_ARRAY) {
                throw new GestureLabException(name + " line " + parser.currentLocation().getLineNr()
                        + ": unexpected " + token + ".");
            }
            recordLine = parser.currentLocation().getLineNr();
            List<String> fields = new ArrayList<>();
            for (token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw new GestureLabException(name + " line " + recordLine + ": the record is cut off.");
                }
                fields.add(parser.getText());
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw new GestureLabException(name + " line " + parser.currentLocation().getLineNr() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("not valid CSV") + ".", e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
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
