package org.gesturelab.keypoints;

import org.gesturelab.core.KeypointLayout;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.gesturelab.capture.Frame;

/**
 * Draws keypoints onto frames, as pixels (no UI toolkit): the pose skeleton, both hands and the face mesh's points.
 * Colours follow MediaPipe's drawing utilities loosely: the person's left side orange, right side cyan, face grey.
 */
public final class KeypointOverlay {

    /** Pose skeleton edges (MediaPipe's pose connections). */
    static final int[][] POSE_EDGES = {
        {0, 1}, {1, 2}, {2, 3}, {3, 7}, {0, 4}, {4, 5}, {5, 6}, {6, 8}, {9, 10},
        {11, 12}, {11, 13}, {13, 15}, {15, 17}, {15, 19}, {15, 21}, {17, 19},
        {12, 14}, {14, 16}, {16, 18}, {16, 20}, {16, 22}, {18, 20},
        {11, 23}, {12, 24}, {23, 24}, {23, 25}, {24, 26}, {25, 27}, {26, 28},
        {27, 29}, {28, 30}, {29, 31}, {30, 32}, {27, 31}, {28, 32},
    };
    /** Hand skeleton edges (MediaPipe's hand connections). */
    static final int[][] HAND_EDGES = {
        {0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 5}, {5, 6}, {6, 7}, {7, 8}, {5, 9}, {9, 10}, {10, 11}, {11, 12},
        {9, 13}, {13, 14}, {14, 15}, {15, 16}, {13, 17}, {0, 17}, {17, 18}, {18, 19}, {19, 20},
    };

    private static final float MIN_VISIBILITY = 0.5f;

    private KeypointOverlay() {
    }

    /**
     * Returns a copy of the frame with the keypoints drawn on it.
     *
     * @param frame the picture
     * @param keypoints its keypoints
     * @return a new frame, same index, time and size
     */
    public static Frame draw(Frame frame, FrameKeypoints keypoints) {
        byte[] copy = frame.bgr().clone();
        try (BytePointer pixels = new BytePointer(copy);
                Mat image = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3, pixels)) {
            draw(image, keypoints);
            pixels.get(copy);
        }
        return new Frame(frame.index(), frame.timestampMillis(), frame.width(), frame.height(), copy);
    }

    /**
     * Draws the keypoints onto a BGR picture in place.
     *
     * @param image an 8-bit, 3-channel BGR picture of the keypoints' frame size
     * @param keypoints the keypoints
     */
    public static void draw(Mat image, FrameKeypoints keypoints) {
        int width = image.cols();
        int height = image.rows();
        int thickness = Math.max(1, Math.round(Math.max(width, height) / 400f));
        try (Scalar grey = new Scalar(200, 200, 200, 0);
                Scalar left = new Scalar(0, 140, 255, 0);
                Scalar right = new Scalar(255, 200, 0, 0);
                Scalar white = new Scalar(255, 255, 255, 0)) {
            float[] face = keypoints.face();
            if (face != null) {
                for (int i = 0; i < face.length; i += 3) {
                    dot(image, face[i] * width, face[i + 1] * height, Math.max(1, thickness / 2), grey);
                }
            }
            float[] pose = keypoints.pose();
            if (pose != null) {
                for (int[] edge : POSE_EDGES) {
                    if (pose[4 * edge[0] + 3] >= MIN_VISIBILITY && pose[4 * edge[1] + 3] >= MIN_VISIBILITY) {
                        line(image, pose[4 * edge[0]] * width, pose[4 * edge[0] + 1] * height,
                                pose[4 * edge[1]] * width, pose[4 * edge[1] + 1] * height, white, thickness);
                    }
                }
                for (int i = 0; i < KeypointLayout.POSE_LANDMARKS; i++) {
                    if (pose[4 * i + 3] >= MIN_VISIBILITY) {
                        Scalar colour = i == 0 ? white : (i % 2 == 1 ? left : right);
                        dot(image, pose[4 * i] * width, pose[4 * i + 1] * height, 2 * thickness, colour);
                    }
                }
            }
            hand(image, keypoints.leftHand(), left, thickness);
            hand(image, keypoints.rightHand(), right, thickness);
        }
    }

    private static void hand(Mat image, float[] hand, Scalar colour, int thickness) {
        if (hand == null) {
            return;
        }
        int width = image.cols();
        int height = image.rows();
        for (int[] edge : HAND_EDGES) {
            line(image, hand[3 * edge[0]] * width, hand[3 * edge[0] + 1] * height, hand[3 * edge[1]] * width,
                    hand[3 * edge[1] + 1] * height, colour, thickness);
        }
        for (int i = 0; i < KeypointLayout.HAND_LANDMARKS; i++) {
            dot(image, hand[3 * i] * width, hand[3 * i + 1] * height, thickness + 1, colour);
        }
    }

    private static void line(Mat image, double x0, double y0, double x1, double y1, Scalar colour, int thickness) {
        try (Point a = new Point((int) Math.round(x0), (int) Math.round(y0));
                Point b = new Point((int) Math.round(x1), (int) Math.round(y1))) {
            opencv_imgproc.line(image, a, b, colour, thickness, opencv_imgproc.LINE_AA, 0);
        }
    }

    private static void dot(Mat image, double x, double y, int radius, Scalar colour) {
        try (Point centre = new Point((int) Math.round(x), (int) Math.round(y))) {
            opencv_imgproc.circle(image, centre, radius, colour, -1, opencv_imgproc.LINE_AA, 0);
        }
    }
}
