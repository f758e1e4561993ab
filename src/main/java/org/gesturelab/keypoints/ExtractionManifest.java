package org.gesturelab.keypoints;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.gesturelab.core.GestureLabException;

/**
 * The {@code manifest.csv} of a corpus extraction (the Spark job, {@code org.gesturelab.spark}): one row per video
 * with the columns {@code video,frames,fps,pose,face,left_hand,right_hand,status,error,npy}. {@code pose} to
 * {@code right_hand} are the fractions of frames in which the part was found (as {@code found} in {@code NAME.json});
 * {@code status} is {@code ok} or {@code failed}, {@code error} says why a video failed; {@code npy} is the keypoint
 * file relative to the manifest's folder, empty for a failed video. {@code gesturelab import --npy-from-manifest}
 * reads it back.
 */
public final class ExtractionManifest {

    /** The manifest's file name in the output folder. */
    public static final String FILE = "manifest.csv";
    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("video", "frames", "fps", "pose", "face", "left_hand",
            "right_hand", "status", "error", "npy");
    /** The status of a video whose keypoints were written. */
    public static final String OK = "ok";
    /** The status of a video that could not be extracted. */
    public static final String FAILED = "failed";

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA = schema();

    private ExtractionManifest() {
    }

    /**
     * One video's line.
     *
     * @param video the video as the input named it: its path relative to the input folder ({@code /}-separated),
     *     or the path or URI a list file gave
     * @param frames frames extracted (0 when failed)
     * @param fps the video's frame rate (0 when unknown)
     * @param pose fraction of frames with a pose
     * @param face fraction with a face
     * @param leftHand fraction with a left hand
     * @param rightHand fraction with a right hand
     * @param status {@link #OK} or {@link #FAILED}
     * @param error why it failed, empty when ok
     * @param npy the keypoint file relative to the output folder, empty when failed
     */
    public record Row(String video, long frames, double fps, double pose, double face, double leftHand,
            double rightHand, String status, String error, String npy) implements Serializable {

        private static final long serialVersionUID = 1L;

        /** Normalizes empty text fields. */
        public Row {
            error = error == null ? "" : error;
            npy = npy == null ? "" : npy;
        }

        /**
         * The line of a video extracted by {@link ClipExtractor}.
         *
         * @param video the video as the input named it
         * @param npy the keypoint file relative to the output folder
         * @param result what the extractor wrote
         * @return the line
         */
        public static Row of(String video, String npy, ClipExtractor.Result result) {
            StageStatistics stats = result.statistics();
            return new Row(video, result.frames(), result.frameRate(), stats.poseFraction(), stats.faceFraction(),
                    stats.leftHandFraction(), stats.rightHandFraction(), OK, "", npy);
        }

        /**
         * The line of a video that failed.
         *
         * @param video the video as the input named it
         * @param error why, in plain words (one line is kept)
         * @return the line
         */
        public static Row failed(String video, String error) {
            String line = error == null || error.isBlank() ? "unknown error" : error.strip().lines().findFirst()
                    .orElse("unknown error");
            return new Row(video, 0, 0, 0, 0, 0, 0, FAILED, line, "");
        }

        /**
         * Rebuilds the line of a finished video from the {@code NAME.json} that {@link ClipExtractor} wrote after its
         * {@code NAME.npy}, for a run that stopped before it could write the manifest.
         *
         * @param video the video as the input named it
         * @param npy the keypoint file relative to the output folder
         * @param json the summary's bytes
         * @return the line
         * @throws IOException if the summary is not one (a half-written file)
         */
        public static Row fromSummary(String video, String npy, InputStream json) throws IOException {
            JsonNode root = new ObjectMapper().readTree(json);
            JsonNode found = root.path("found");
            if (!root.path("frames").isNumber() || !found.isObject()) {
                throw new IOException("not a keypoint summary");
            }
            return new Row(video, root.path("frames").asLong(), root.path("fps").asDouble(),
                    found.path("pose").asDouble(), found.path("face").asDouble(), found.path("left_hand").asDouble(),
                    found.path("right_hand").asDouble(), OK, "", npy);
        }

        /** Returns whether the video's keypoints were written. */
        public boolean ok() {
            return OK.equals(status);
        }
    }

    /**
     * Writes a manifest.
     *
     * @param out where (not closed)
     * @param rows the lines, in the order given
     * @throws IOException if it cannot be written
     */
    public static void write(OutputStream out, List<Row> rows) throws IOException {
        MAPPER.writer(SCHEMA).without(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValues(out).writeAll(rows.stream().map(ExtractionManifest::cells).toList()).close();
    }

    /**
     * Reads a manifest.
     *
     * @param in the bytes (not closed)
     * @param name the file's name, for messages
     * @return its lines
     * @throws GestureLabException naming the line when a column is missing or a number is not one
     * @throws IOException if it cannot be read
     */
    public static List<Row> read(InputStream in, String name) throws IOException {
        List<Row> rows = new ArrayList<>();
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<java.util.Map<String, String>> lines = MAPPER.readerFor(java.util.Map.class)
                .with(header).without(com.fasterxml.jackson.core.JsonParser.Feature.AUTO_CLOSE_SOURCE)
                .readValues(in)) {
            int line = 1;
            while (lines.hasNextValue()) {
                java.util.Map<String, String> cells = lines.nextValue();
                line++;
                for (String column : List.of("video", "status")) {
                    if (!cells.containsKey(column)) {
                        throw new GestureLabException(name + " has no '" + column + "' column; a manifest has "
                                + String.join(",", COLUMNS) + ".");
                    }
                }
                String where = name + " line " + line;
                rows.add(new Row(cells.get("video"), (long) number(cells, "frames", where), number(cells, "fps", where),
                        number(cells, "pose", where), number(cells, "face", where), number(cells, "left_hand", where),
                        number(cells, "right_hand", where), cells.get("status").strip().toLowerCase(Locale.ROOT),
                        cells.getOrDefault("error", ""), cells.getOrDefault("npy", "")));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new GestureLabException(name + " is not a readable CSV file: " + e.getOriginalMessage(), e);
        }
        return rows;
    }

    private static double number(java.util.Map<String, String> cells, String column, String where) {
        String text = cells.getOrDefault(column, "").strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new GestureLabException(where + ": " + column + " '" + text + "' is not a number.");
        }
    }

    private static List<String> cells(Row row) {
        return List.of(row.video(), Long.toString(row.frames()), format(row.fps()), format(row.pose()),
                format(row.face()), format(row.leftHand()), format(row.rightHand()), row.status(), row.error(),
                row.npy());
    }

    private static String format(double value) {
        return Double.toString(value);
    }

    private static CsvSchema schema() {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(builder::addColumn);
        return builder.build();
    }
}
