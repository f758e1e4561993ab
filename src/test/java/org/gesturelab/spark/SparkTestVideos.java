package org.gesturelab.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.SharedData;

/**
 * A small corpus for the Spark job tests, linked (never copied) from the shared bodygesture15 videos into a temporary
 * folder in the {@code CLASS/NAME.avi} layout: the shortest videos (about 20 frames each), two gestures, two people.
 */
final class SparkTestVideos {

    /** The class folder, link name and shared file of each video. */
    static final List<String[]> VIDEOS = List.of(
            new String[] {"shrug", "s6.avi", "bodygesture15/videos_1m_upper/S6/videos/shrug_1_1m_upper.avi"},
            new String[] {"shrug", "s8.avi", "bodygesture15/videos_1m_upper/S8/videos/shrug_1_1m_upper.avi"},
            new String[] {"come", "s6.avi", "bodygesture15/videos_1m_upper/S6/dynamic_videos/come_1_1m_upper.avi"},
            new String[] {"come", "s6-slow.avi",
                "bodygesture15/videos_1m_upper/S6/dynamic_videos/slowdown_1_1m_upper.avi"});

    private SparkTestVideos() {
    }

    /**
     * Links the videos into {@code root/CLASS/NAME.avi}, skipping the calling test without the shared data.
     *
     * @param root the corpus folder
     * @param count how many of {@link #VIDEOS}
     * @return the corpus folder
     * @throws IOException if a link cannot be made
     */
    static Path corpus(Path root, int count) throws IOException {
        for (String[] video : VIDEOS.subList(0, count)) {
            SharedData.linkInto(root.resolve(video[0]), video[1], video[2]);
        }
        return root;
    }

    /**
     * Adds a file that has a video's name but is not one.
     *
     * @param root the corpus folder
     * @return its manifest name
     * @throws IOException if it cannot be written
     */
    static String broken(Path root) throws IOException {
        Files.createDirectories(root.resolve("come"));
        Files.write(root.resolve("come/broken.avi"), new byte[] {'n', 'o', 't', ' ', 'a', ' ', 'v', 'i', 'd'});
        return "come/broken.avi";
    }
}
