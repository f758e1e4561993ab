package org.gesturelab.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.core.ConfinedPaths;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.keypoints.ExtractionManifest;

/**
 * Imports the keypoints a corpus extraction wrote ({@code import --npy-from-manifest MANIFEST.csv}): one clip per
 * {@code ok} line of its {@link ExtractionManifest manifest.csv}, the {@code npy} file resampled evenly to the
 * project's sequence length, as a video import would. The class is the folder the video was in
 * ({@code CLASS/NAME.mp4}), or the {@code class} a labels CSV ({@code video,class}) gives its {@code video}. All or
 * nothing: a missing or damaged keypoint file, or a video without a class, refuses the whole import. Videos the
 * extraction could not read ({@code failed}) have no keypoints; they are left out and named in a warning.
 */
public final class ManifestFormat {

    /** How many failed videos a warning names before it only counts. */
    private static final int NAMED = 5;

    private ManifestFormat() {
    }

    /**
     * Imports the extracted videos, all-or-nothing.
     *
     * @param project the project
     * @param manifest the manifest; the keypoint files are found relative to its folder
     * @param labels a CSV with the columns {@code video,class}, or null to take classes from the folders
     * @param as the state of every clip ({@link ClipState#POOL} hides the labels)
     * @param mapping the source's classes that become Nothing
     * @param person the person in every clip ({@code --person}), or null for unknown
     * @param monitor progress and cancellation
     * @return what was added
     * @throws GestureLabException naming the line or file that is wrong; the project is then unchanged
     * @throws IOException if a file cannot be read
     */
    public static ImportResult importInto(Project project, Path manifest, Path labels, ClipState as,
            ClassMapping mapping, String person, TaskMonitor monitor) throws IOException {
        if (!Files.isRegularFile(manifest)) {
            throw new GestureLabException(manifest + " is not a file; --npy-from-manifest expects the manifest.csv "
                    + "a corpus extraction wrote.");
        }
        List<ExtractionManifest.Row> rows;
        try (InputStream in = Files.newInputStream(manifest)) {
            rows = ExtractionManifest.read(in, manifest.toString());
        }
        Map<String, String> classes = labels == null ? null : readLabels(labels);
        Path root = manifest.toAbsolutePath().getParent();
        List<ExtractionManifest.Row> extracted = rows.stream().filter(ExtractionManifest.Row::ok).toList();
        if (extracted.isEmpty()) {
            throw new GestureLabException(manifest + " lists no extracted video (status ok).");
        }
        try (ImportSession session = new ImportSession(project, "npy-from-manifest", mapping, person, manifest,
                monitor)) {
            int done = 0;
            for (int i = 0; i < rows.size(); i++) {
                ExtractionManifest.Row row = rows.get(i);
                if (!row.ok()) {
                    continue;
                }
                String where = manifest + " line " + (i + 2);
                if (row.npy().isEmpty()) {
                    throw new GestureLabException(where + ": an ok video without an npy file.");
                }
                // The manifest may come from anywhere: its paths must not reach outside its folder.
                Path file = ConfinedPaths.resolve(root, row.npy(), where + ": the keypoint file");
                String className = classOf(row.video(), classes, labels, where);
                float[][] clip = Frames.resample(NpyFolderFormat.readClip(file), project.sequenceLength());
                session.add(NewClip.ofClass(clip, as, session.classIndex(className), row.video()),
                        "Importing extracted keypoints", ++done, extracted.size());
            }
            List<String> failed = rows.stream().filter(row -> !row.ok())
                    .map(row -> row.video() + " (" + row.error() + ")").toList();
            if (!failed.isEmpty()) {
                session.warnings.add(failed.size() + " video" + (failed.size() == 1 ? "" : "s")
                        + " failed extraction and " + (failed.size() == 1 ? "was" : "were") + " not imported: "
                        + String.join("; ", failed.subList(0, Math.min(NAMED, failed.size())))
                        + (failed.size() > NAMED ? "; ..." : "") + ".");
            }
            return session.commit();
        }
    }

    private static String classOf(String video, Map<String, String> classes, Path labels, String where) {
        if (classes != null) {
            String name = classes.get(video);
            if (name == null || name.isBlank()) {
                throw new GestureLabException(where + ": " + labels + " gives no class for " + video + ".");
            }
            return name;
        }
        String[] parts = video.split("/");
        if (parts.length < 2 || parts[parts.length - 2].isBlank()) {
            throw new GestureLabException(where + ": " + video + " is in no class folder; give the classes in a "
                    + "labels CSV (--labels FILE, columns video,class).");
        }
        return parts[parts.length - 2];
    }

    private static Map<String, String> readLabels(Path labels) throws IOException {
        Map<String, String> classes = new HashMap<>();
        List<CsvRecords.Row> rows = CsvRecords.readTable(labels, "video");
        List<String> duplicates = new ArrayList<>();
        for (CsvRecords.Row row : rows) {
            String video = row.get("video");
            if (classes.put(video, row.get("class").strip()) != null) {
                duplicates.add(labels + " line " + row.line() + ": " + video);
            }
        }
        if (!duplicates.isEmpty()) {
            throw new GestureLabException("A video is named twice in a labels file: " + duplicates.get(0) + ".");
        }
        return classes;
    }
}
