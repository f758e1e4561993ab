package org.gesturelab.dataset;

import org.gesturelab.keypoints.KeypointExtractor;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.core.TaskMonitor;

/**
 * Imports a folder of labeled videos, one sub-folder per class, one clip per video: the keypoint engine runs
 * over each video and its frames are resampled evenly to the project's sequence length.
 */
public final class VideoImport {

    /** File extensions taken as videos: those the frame sources read as video files. */
    public static final Set<String> VIDEO_EXTENSIONS = FrameSources.VIDEO_EXTENSIONS;

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
        return importFolder(project, root, extractor, as, ClassMapping.NONE, monitor);
    }

    /**
     * The same, with classes mapped into the project's Nothing class ({@code --as-nothing}).
     *
     * @param mapping the source's classes that become Nothing
     * @see #importFolder
     */
    public static ImportResult importFolder(Project project, Path root, KeypointExtractor extractor, ClipState as,
            ClassMapping mapping, TaskMonitor monitor) throws IOException {
        return importFolder(project, root, extractor, as, mapping, null, monitor);
    }

    /**
     * The same, with every clip tagged with the person in it ({@code --person}).
     *
     * @param person the person, or null for unknown
     * @see #importFolder
     */
    public static ImportResult importFolder(Project project, Path root, KeypointExtractor extractor, ClipState as,
            ClassMapping mapping, String person, TaskMonitor monitor) throws IOException {
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
        try (ImportSession session = new ImportSession(project, "videos", mapping, person, root, monitor)) {
            int done = 0;
            for (Path video : videos) {
                String className = video.getParent().getFileName().toString();
                int classIndex = session.classIndex(className);
                String name = className + "/" + video.getFileName();
                float[][] frames = extractor.extract(video, perVideo(monitor,
                        "Finding keypoints in " + name + " (" + (done + 1) + "/" + videos.size() + ")"));
                if (frames.length == 0) {
                    throw new GestureLabException(video + " has no frames.");
                }
                float[][] clip = Frames.resample(frames, project.sequenceLength());
                session.add(NewClip.ofClass(clip, as, classIndex, name), "Importing videos", ++done, videos.size());
            }
            return session.commit();
        }
    }

    /** Reports a video's frames under one message and passes the user's cancel through to the extractor. */
    private static TaskMonitor perVideo(TaskMonitor monitor, String message) {
        return new TaskMonitor() {
            @Override
            public void update(String ignored, long done, long total) {
                monitor.update(message, done, total);
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
    }

    static boolean isVideo(Path file) {
        return Files.isRegularFile(file) && FrameSources.isVideo(file);
    }
}
