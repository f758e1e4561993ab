package org.gesturelab.app.common;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.gesturelab.capture.Frame;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.dataset.Clip;
import org.gesturelab.keypoints.FrameKeypoints;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.keypoints.KeypointOverlay;

/**
 * A clip made ready to replay: its replay video decoded with the skeleton drawn on every frame, or the skeleton
 * alone on a dark background when no video was stored (clips imported as keypoints). Rendering happens in the
 * background ahead of time, so showing a clip costs nothing.
 *
 * @param width picture width
 * @param height picture height
 * @param fps the replay rate
 * @param frames packed BGR pictures
 */
public record ClipPictures(int width, int height, double fps, List<byte[]> frames) {

    /** The size of skeleton-only pictures. */
    static final int SKELETON_WIDTH = 640;
    /** The size of skeleton-only pictures. */
    static final int SKELETON_HEIGHT = 480;

    /**
     * Renders a clip.
     *
     * @param clip the clip
     * @param keypoints its frames, {@code frames x 1662}
     * @return the pictures
     */
    public static ClipPictures render(Clip clip, float[][] keypoints) {
        List<byte[]> frames = new ArrayList<>();
        if (clip.replayVideo() != null && Files.isRegularFile(clip.replayVideo())) {
            try (FrameSource video = FrameSources.video(clip.replayVideo())) {
                double fps = video.frameRate() > 0 ? video.frameRate() : 30;
                int width = 0;
                int height = 0;
                for (Frame frame = video.next(); frame != null; frame = video.next()) {
                    int i = frames.size();
                    width = frame.width();
                    height = frame.height();
                    frames.add(i < keypoints.length ? KeypointOverlay.draw(frame,
                            fromVector(keypoints[i], i, width, height)).bgr() : frame.bgr());
                }
                if (!frames.isEmpty()) {
                    return new ClipPictures(width, height, fps, frames);
                }
            } catch (RuntimeException e) {
                // A damaged replay video still leaves the skeleton to look at.
                frames.clear();
            }
        }
        byte[] dark = new byte[SKELETON_WIDTH * SKELETON_HEIGHT * 3];
        Arrays.fill(dark, (byte) 24);
        for (int i = 0; i < keypoints.length; i++) {
            Frame blank = new Frame(i, i * 33L, SKELETON_WIDTH, SKELETON_HEIGHT, dark);
            frames.add(KeypointOverlay.draw(blank, fromVector(keypoints[i], i, SKELETON_WIDTH, SKELETON_HEIGHT))
                    .bgr());
        }
        return new ClipPictures(SKELETON_WIDTH, SKELETON_HEIGHT, 30, frames);
    }

    /**
     * Splits a 1662-float vector into the parts the overlay draws; all-zero parts (not detected) become null.
     *
     * @param vector the keypoint vector
     * @param index the frame index
     * @param width the picture width
     * @param height the picture height
     * @return the keypoints
     */
    public static FrameKeypoints fromVector(float[] vector, long index, int width, int height) {
        return new FrameKeypoints(index, index * 33, width, height,
                part(vector, KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_LENGTH),
                part(vector, KeypointLayout.FACE_OFFSET, KeypointLayout.FACE_LENGTH),
                part(vector, KeypointLayout.LEFT_HAND_OFFSET, KeypointLayout.HAND_LENGTH),
                part(vector, KeypointLayout.RIGHT_HAND_OFFSET, KeypointLayout.HAND_LENGTH), Map.of());
    }

    private static float[] part(float[] vector, int offset, int length) {
        if (vector.length < offset + length) {
            return null;
        }
        for (int i = offset; i < offset + length; i++) {
            if (vector[i] != 0) {
                return Arrays.copyOfRange(vector, offset, offset + length);
            }
        }
        return null;
    }
}
