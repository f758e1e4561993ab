package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gesturelab.GestureLabException;
import org.gesturelab.task.TaskMonitor;

/**
 * Imports a folder of labeled videos, one sub-folder per class, one clip per video: the keypoint engine runs
 * over each video and its frames are resampled evenly to the project's sequence length.
 */
public final class VideoImport {

    /** File extensions taken as videos. */
    public static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "avi", "mov", "mkv", "webm", "m4v", "mpg",
            "mpeg", "wmv");

    private VideoImport() {
    }

    /**
     * Imports every video under {@code root/CLASS/}, all-or-nothing.
     *
     * @param project the project
     * @param root the folder with one sub-folder per class
     * @param extractor the keypoint engine
     * @param as the state of every clip ({@link ClipState#POOL} hides the labels)
     * @param monitor progress and cancellation
     * @return what was added
     * @throws IOException if a video or folder cannot be read
     */
    public static ImportResult importFolder(Project project, Path root, KeypointExtractor extractor, ClipState as,
            TaskMonitor monitor) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new GestureLabException(root + " is not a folder; --videos expects one sub-folder per class.");
        }
        List<Path> videos = new ArrayList<>();
        try (DirectoryStream<Path> classes = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path classDir : classes) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(classDir, VideoImport::isVideo)) {
                    files.forEach(videos::add);
                }
            }
        }
        if (videos.isEmpty()) {
            throw new GestureLabException(root + " has no videos in class sub-folders.");
        }
        videos.sort(Comparator.comparing((Path p) -> p.getParent().getFileName().toString(), MpDataFormat.NAME_ORDER)
                .thenComparing(p -> p.getFileName().toString(), MpDataFormat.NAME_ORDER));
        try (ImportSession session = new ImportSession(project, "videos", root, monitor)) {
            int done = 0;
            for (Path video : videos) {
                String className = video.getParent().getFileName().toString();
                int classIndex = session.batch.classIndex(className);
                float[][] frames = extractor.extract(video, TaskMonitor.SILENT);
                if (frames.length == 0) {
                    throw new GestureLabException(video + " has no frames.");
                }
                float[][] clip = Frames.resample(frames, project.sequenceLength());
                session.add(NewClip.ofClass(clip, as, classIndex, className + "/" + video.getFileName()),
                        "Importing videos", ++done, videos.size());
            }
            return session.commit();
        }
    }

    static boolean isVideo(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Files.isRegularFile(file) && dot > 0
                && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
