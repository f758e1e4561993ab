package org.gesturelab.keypoints;

import org.gesturelab.core.KeypointLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.Frame;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.core.Npy;

/**
 * Measures how close GestureLab's pose landmarks are to MediaPipe's own on the {@code bodygesture15} videos, whose
 * {@code joints} hold MediaPipe Pose's landmarks for every frame (float32 T x 33 x 4, one frame more than the
 * video: the first reference frame repeats, so video frame n pairs with reference frame n + 1).
 *
 * <p>The error of one landmark is its distance to the reference in pixels divided by the reference torso length
 * (shoulder centre to hip centre), counted only where the reference marks the landmark visible.
 */
public final class PoseAccuracy {

    /** Reference visibility above which a landmark counts. */
    public static final float VISIBLE = 0.5f;
    /** Video frame n pairs with reference frame n + this. */
    public static final int REFERENCE_OFFSET = 1;

    private static final int VALUES = 4;
    private static final int FRAME = KeypointLayout.POSE_LANDMARKS * VALUES;

    private PoseAccuracy() {
    }

    /**
     * One video with its reference.
     *
     * @param subject the person, for example {@code S3}
     * @param video the video file
     * @param joints the reference landmarks
     */
    public record Clip(String subject, Path video, Path joints) {
    }

    /**
     * The comparison of one clip.
     *
     * @param clip which clip
     * @param referenceFrames frames where the reference has a pose
     * @param found of those, frames where GestureLab found one
     * @param errors normalized errors of every visible landmark of every frame both found
     */
    public record ClipScore(Clip clip, int referenceFrames, int found, List<Double> errors) {

        /** Returns the median normalized error. */
        public double medianError() {
            return StageStatistics.median(errors);
        }

        /** Returns the fraction of reference frames where a pose was found. */
        public double foundFraction() {
            return referenceFrames == 0 ? 1 : (double) found / referenceFrames;
        }
    }

    /**
     * Lists the clips of {@code bodygesture15} with a video and a reference, in {@code index.csv} order.
     *
     * @param root the {@code bodygesture15} folder
     * @return the clips
     * @throws GestureLabException when the index cannot be read
     */
    public static List<Clip> bodyGestureClips(Path root) {
        Path index = root.resolve("joints").resolve("index.csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(index);
        } catch (IOException e) {
            throw new GestureLabException("Cannot read " + index + ": " + e.getMessage(), e);
        }
        List<Clip> clips = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            if (cells.length < 2) {
                continue;
            }
            String joints = cells[0];
            String videoPath = joints.replace("/3Djoints/", "/videos/").replace("/dynamic_joints/", "/dynamic_videos/")
                    .replace(".npy", ".avi");
            Path video = root.resolve("videos_1m_upper").resolve(videoPath);
            if (Files.isRegularFile(video)) {
                clips.add(new Clip(cells[1], video, root.resolve("joints").resolve(joints)));
            }
        }
        return clips;
    }

    /**
     * Runs the pose half of Holistic over a clip and compares every frame with the reference.
     *
     * @param tracker a pose tracker (reset here)
     * @param clip the clip
     * @return the comparison
     * @throws GestureLabException when the video or reference cannot be read
     */
    public static ClipScore evaluate(PoseTracker tracker, Clip clip) {
        float[] reference;
        try {
            reference = Npy.read(clip.joints()).data();
        } catch (IOException e) {
            throw new GestureLabException("Cannot read " + clip.joints() + ": " + e.getMessage(), e);
        }
        tracker.reset();
        List<Double> errors = new ArrayList<>();
        int referenceFrames = 0;
        int found = 0;
        try (FrameSource source = FrameSources.video(clip.video())) {
            for (Frame frame = source.next(); frame != null; frame = source.next()) {
                float[] pose;
                try (FrameImage image = new FrameImage(frame)) {
                    pose = tracker.track(image, false, new EnumMap<>(Stage.class));
                }
                int at = (int) (frame.index() + REFERENCE_OFFSET) * FRAME;
                if (at + FRAME > reference.length || !hasPose(reference, at)) {
                    continue;
                }
                referenceFrames++;
                if (pose == null) {
                    continue;
                }
                found++;
                errors.addAll(errors(pose, reference, at, frame.width(), frame.height()));
            }
        }
        return new ClipScore(clip, referenceFrames, found, errors);
    }

    /**
     * Normalized errors of one frame's visible landmarks.
     *
     * @param pose 33 x 4 landmarks
     * @param reference reference array
     * @param at offset of the frame in the reference
     * @param width frame width
     * @param height frame height
     * @return one error per landmark the reference marks visible
     */
    static List<Double> errors(float[] pose, float[] reference, int at, int width, int height) {
        double shoulderX = (reference[at + 11 * VALUES] + reference[at + 12 * VALUES]) / 2.0 * width;
        double shoulderY = (reference[at + 11 * VALUES + 1] + reference[at + 12 * VALUES + 1]) / 2.0 * height;
        double hipX = (reference[at + 23 * VALUES] + reference[at + 24 * VALUES]) / 2.0 * width;
        double hipY = (reference[at + 23 * VALUES + 1] + reference[at + 24 * VALUES + 1]) / 2.0 * height;
        double torso = Math.hypot(shoulderX - hipX, shoulderY - hipY);
        List<Double> errors = new ArrayList<>();
        if (torso <= 0) {
            return errors;
        }
        for (int i = 0; i < KeypointLayout.POSE_LANDMARKS; i++) {
            int r = at + i * VALUES;
            if (reference[r + 3] <= VISIBLE) {
                continue;
            }
            double dx = (pose[i * 4] - reference[r]) * width;
            double dy = (pose[i * 4 + 1] - reference[r + 1]) * height;
            errors.add(Math.hypot(dx, dy) / torso);
        }
        return errors;
    }

    private static boolean hasPose(float[] reference, int at) {
        for (int i = at; i < at + FRAME; i++) {
            if (reference[i] != 0) {
                return true;
            }
        }
        return false;
    }
}
