package org.gesturelab.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import org.gesturelab.capture.FrameSources;
import org.gesturelab.core.GestureLabException;

/**
 * The videos a job extracts: every video under a folder (sub-folders included, so {@code CLASS/NAME.mp4} layouts keep
 * their classes), one video file, or a list file with one path or URI per line (blank lines and lines starting with
 * {@code #} ignored; relative paths are relative to the list file). Files and folders whose names start with
 * {@code .} or {@code _} are skipped, as Hadoop tools do, and so is the output folder when it lies inside the input.
 */
final class CorpusInput {

    private CorpusInput() {
    }

    /**
     * Lists the videos, sorted by their manifest names.
     *
     * @param input the folder, video or list file
     * @param out the output folder (qualified), never read as input
     * @param conf the file systems
     * @return the videos
     * @throws GestureLabException when the input does not exist or holds no video
     * @throws IOException when it cannot be read
     */
    static List<VideoTask> list(String input, Path out, HadoopConf conf) throws IOException {
        Path path = new Path(input);
        FileSystem fs = conf.fileSystem(path);
        path = fs.makeQualified(path);
        if (!fs.exists(path)) {
            throw new GestureLabException("No such video folder, video or list file: " + input + ".");
        }
        List<VideoTask> videos = new ArrayList<>();
        FileStatus status = fs.getFileStatus(path);
        if (status.isDirectory()) {
            URI root = URI.create(path.toUri() + "/");
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(path, true);
            while (files.hasNext()) {
                Path file = files.next().getPath();
                String relative = root.relativize(file.toUri()).getPath();
                if (isVideo(relative) && !hidden(relative) && !inside(file, out)) {
                    videos.add(new VideoTask(file.toString(), relative, withoutExtension(relative)));
                }
            }
            if (videos.isEmpty()) {
                throw new GestureLabException("No videos in " + input + " (looked for " + endings() + ").");
            }
        } else if (isVideo(path.getName())) {
            videos.add(new VideoTask(path.toString(), path.getName(), withoutExtension(path.getName())));
        } else {
            videos.addAll(fromList(fs, path));
            if (videos.isEmpty()) {
                throw new GestureLabException(input + " lists no videos (one path or URI per line).");
            }
        }
        videos.sort(Comparator.comparing(VideoTask::video));
        return videos;
    }

    private static List<VideoTask> fromList(FileSystem fs, Path list) throws IOException {
        List<VideoTask> videos = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(list),
                StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                Path video = new Path(entry);
                if (!isVideo(video.getName())) {
                    throw new GestureLabException(list + " line " + number + ": " + entry + " is not a video ("
                            + endings() + ").");
                }
                boolean relative = !video.isAbsolute() && video.toUri().getScheme() == null;
                Path resolved = relative ? new Path(list.getParent(), video) : video;
                // A relative entry keeps its folders in the output (CLASS/NAME); an absolute one only its name.
                String stem = relative && !entry.contains("..") ? withoutExtension(video.toUri().getPath())
                        : withoutExtension(video.getName());
                videos.add(new VideoTask(resolved.toString(), entry, stem));
            }
        }
        return videos;
    }

    static boolean isVideo(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && FrameSources.VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static boolean inside(Path file, Path folder) {
        String prefix = folder.toUri().getPath();
        return file.toUri().getPath().startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }

    private static String withoutExtension(String relative) {
        int slash = relative.lastIndexOf('/');
        int dot = relative.lastIndexOf('.');
        return dot > slash + 1 ? relative.substring(0, dot) : relative;
    }

    private static String endings() {
        return String.join(", ", new java.util.TreeSet<>(FrameSources.VIDEO_EXTENSIONS));
    }
}
