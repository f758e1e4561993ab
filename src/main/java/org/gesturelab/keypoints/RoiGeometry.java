package org.gesturelab.keypoints;

/**
 * Where each model of the Holistic pipeline looks, following MediaPipe Holistic's graphs: the pose's tracking
 * rectangle from its auxiliary landmarks, hand rectangles from the pose's wrist, index and pinky and from the hand's
 * own landmarks, face rectangles from the pose's face landmarks, the face detector and the previous face mesh, and
 * the rule that decides whether to keep tracking with the previous frame's rectangle.
 *
 * <p>Landmark arrays are normalized (x / width, y / height, z) with a given stride per landmark; rectangles come out
 * in frame pixels.
 */
public final class RoiGeometry {

    /** Pose landmarks of the face (nose, eyes, ears, mouth) in MediaPipe's order. */
    public static final int POSE_FACE_LANDMARKS = 11;
    /** The right eye among the pose's landmarks (start of the face rectangle's rotation vector). */
    public static final int POSE_RIGHT_EYE = 5;
    /** The left eye among the pose's landmarks. */
    public static final int POSE_LEFT_EYE = 2;
    /** Face mesh landmarks that fix the face rectangle's rotation: the eyes' outer corners. */
    public static final int MESH_RIGHT_EYE_CORNER = 33;
    /** The left eye's outer corner in the face mesh. */
    public static final int MESH_LEFT_EYE_CORNER = 263;

    private static final int[] PALM_LANDMARKS = {0, 1, 2, 3, 5, 6, 9, 10, 13, 14, 17, 18};

    private RoiGeometry() {
    }

    /**
     * The pose landmark model's next rectangle from its two auxiliary landmarks (hip centre and the scale point):
     * side 2.5 times their distance, upright along the body.
     *
     * @param centerX hip centre x, pixels
     * @param centerY hip centre y
     * @param scaleX scale point x
     * @param scaleY scale point y
     * @return the rectangle
     */
    public static Roi poseRoi(double centerX, double centerY, double scaleX, double scaleY) {
        return Roi.fromAlignmentPoints(centerX, centerY, scaleX, scaleY, Math.PI / 2).transform(1.25, 1.25, 0, 0, true);
    }

    /**
     * The hand re-crop model's search rectangle from the pose's wrist, pinky and index landmarks: centred on an
     * estimated middle finger, turned along the wrist-to-middle vector, 2.7 times twice their distance.
     *
     * @param wristX wrist x, pixels
     * @param wristY wrist y
     * @param pinkyX pinky x
     * @param pinkyY pinky y
     * @param indexX index x
     * @param indexY index y
     * @return the rectangle
     */
    public static Roi handSearchRoi(double wristX, double wristY, double pinkyX, double pinkyY, double indexX,
            double indexY) {
        double middleX = (2 * indexX + pinkyX) / 3;
        double middleY = (2 * indexY + pinkyY) / 3;
        double size = 2 * Math.hypot(middleX - wristX, middleY - wristY);
        double rotation = Roi.normalizeRadians(Math.PI / 2 - Math.atan2(-(middleY - wristY), middleX - wristX));
        return new Roi(middleX, middleY, size, size, rotation).transform(2.7, 2.7, 0, -0.1, true);
    }

    /**
     * The hand landmark model's rectangle from the re-crop model's two points (centre and scale).
     *
     * @param centerX first point x, pixels
     * @param centerY first point y
     * @param scaleX second point x
     * @param scaleY second point y
     * @return the rectangle
     */
    public static Roi handRoiFromRecrop(double centerX, double centerY, double scaleX, double scaleY) {
        return Roi.fromAlignmentPoints(centerX, centerY, scaleX, scaleY, -Math.PI / 2).transform(1, 1, 0, -0.1, true);
    }

    /**
     * The next frame's hand rectangle from this frame's 21 hand landmarks: the palm's landmarks enclosed in a
     * rectangle turned from the wrist towards the middle knuckles, doubled.
     *
     * @param hand 21 x 3 normalized landmarks
     * @param width frame width
     * @param height frame height
     * @return the rectangle
     */
    public static Roi handRoiFromLandmarks(float[] hand, int width, int height) {
        double[] xs = new double[PALM_LANDMARKS.length];
        double[] ys = new double[PALM_LANDMARKS.length];
        for (int i = 0; i < PALM_LANDMARKS.length; i++) {
            xs[i] = hand[3 * PALM_LANDMARKS[i]] * (double) width;
            ys[i] = hand[3 * PALM_LANDMARKS[i] + 1] * (double) height;
        }
        // Indices into the palm subset: wrist 0, index PIP 4, middle PIP 6, ring PIP 8.
        double x1 = ((xs[4] + xs[8]) / 2 + xs[6]) / 2;
        double y1 = ((ys[4] + ys[8]) / 2 + ys[6]) / 2;
        double rotation = Roi.normalizeRadians(Math.PI / 2 - Math.atan2(-(y1 - ys[0]), x1 - xs[0]));
        return rotatedBounds(xs, ys, rotation).transform(2, 2, 0, -0.1, true);
    }

    /**
     * The face detector's search rectangle from the pose's 11 face landmarks: their bounding box, turned level with
     * the eyes, three times the longer side.
     *
     * @param pose pose landmarks, normalized, {@code stride} floats each (x, y first)
     * @param stride floats per landmark
     * @param width frame width
     * @param height frame height
     * @return the rectangle
     */
    public static Roi faceSearchRoi(float[] pose, int stride, int width, int height) {
        double[] xs = new double[POSE_FACE_LANDMARKS];
        double[] ys = new double[POSE_FACE_LANDMARKS];
        for (int i = 0; i < POSE_FACE_LANDMARKS; i++) {
            xs[i] = pose[stride * i] * (double) width;
            ys[i] = pose[stride * i + 1] * (double) height;
        }
        double rotation = Roi.normalizeRadians(-Math.atan2(-(ys[POSE_LEFT_EYE] - ys[POSE_RIGHT_EYE]),
                xs[POSE_LEFT_EYE] - xs[POSE_RIGHT_EYE]));
        return axisAlignedBounds(xs, ys, rotation).transform(3, 3, 0, 0, true);
    }

    /**
     * The face landmark model's rectangle from a face detection's six keypoints (right eye first, left eye second):
     * their bounding box, level with the eyes, moved up a tenth and doubled.
     *
     * @param keypointsX keypoint x, pixels
     * @param keypointsY keypoint y, pixels
     * @return the rectangle
     */
    public static Roi faceRoiFromDetection(double[] keypointsX, double[] keypointsY) {
        double rotation = Roi.normalizeRadians(-Math.atan2(-(keypointsY[1] - keypointsY[0]),
                keypointsX[1] - keypointsX[0]));
        return axisAlignedBounds(keypointsX, keypointsY, rotation).transform(2, 2, 0, -0.1, true);
    }

    /**
     * The next frame's face rectangle from this frame's 468-point mesh: its bounding box, level with the outer eye
     * corners, 1.5 times the longer side.
     *
     * @param mesh 468 x 3 normalized landmarks
     * @param width frame width
     * @param height frame height
     * @return the rectangle
     */
    public static Roi faceRoiFromMesh(float[] mesh, int width, int height) {
        int n = mesh.length / 3;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = mesh[3 * i] * (double) width;
            ys[i] = mesh[3 * i + 1] * (double) height;
        }
        double rotation = Roi.normalizeRadians(-Math.atan2(-(ys[MESH_LEFT_EYE_CORNER] - ys[MESH_RIGHT_EYE_CORNER]),
                xs[MESH_LEFT_EYE_CORNER] - xs[MESH_RIGHT_EYE_CORNER]));
        return axisAlignedBounds(xs, ys, rotation).transform(1.5, 1.5, 0, 0, true);
    }

    /**
     * MediaPipe's tracking rule: keep the previous frame's rectangle when the current frame's re-crop rectangle
     * agrees with it in rotation, position and size, and all previous landmarks lie inside the re-crop rectangle
     * (shrunk by the margin). Otherwise the object moved too much and the re-crop rectangle is used.
     *
     * @param previous the rectangle from the previous frame's landmarks
     * @param previousLandmarks the previous frame's landmarks, normalized, 3 floats each
     * @param recrop this frame's re-crop rectangle
     * @param width frame width
     * @param height frame height
     * @param maxRotationDegrees largest rotation difference
     * @param maxTranslation largest centre shift along each axis, in re-crop sides
     * @param maxScale largest size difference, in re-crop sides
     * @param margin relative change of the re-crop rectangle for the containment test (negative shrinks)
     * @return true to keep the previous rectangle
     */
    public static boolean keepTracking(Roi previous, float[] previousLandmarks, Roi recrop, int width, int height,
            double maxRotationDegrees, double maxTranslation, double maxScale, double margin) {
        double rotationDiff = Math.toDegrees(previous.rotation() - recrop.rotation());
        if (rotationDiff > 180) {
            rotationDiff -= 360;
        }
        if (rotationDiff < -180) {
            rotationDiff += 360;
        }
        if (Math.abs(rotationDiff) > maxRotationDegrees) {
            return false;
        }
        double cos = Math.cos(-recrop.rotation());
        double sin = Math.sin(-recrop.rotation());
        double px = previous.centerX() * cos - previous.centerY() * sin;
        double py = previous.centerX() * sin + previous.centerY() * cos;
        double rx = recrop.centerX() * cos - recrop.centerY() * sin;
        double ry = recrop.centerX() * sin + recrop.centerY() * cos;
        if (Math.abs(px - rx) > recrop.width() * maxTranslation || Math.abs(py - ry) > recrop.height() * maxTranslation
                || Math.abs(previous.width() - recrop.width()) > recrop.width() * maxScale
                || Math.abs(previous.height() - recrop.height()) > recrop.height() * maxScale) {
            return false;
        }
        double halfW = recrop.width() * (1 + margin) / 2;
        double halfH = recrop.height() * (1 + margin) / 2;
        for (int i = 0; i + 1 < previousLandmarks.length; i += 3) {
            double x = previousLandmarks[i] * (double) width;
            double y = previousLandmarks[i + 1] * (double) height;
            double lx = x * cos - y * sin;
            double ly = x * sin + y * cos;
            if (!(rx - halfW < lx && lx < rx + halfW && ry - halfH < ly && ly < ry + halfH)) {
                return false;
            }
        }
        return true;
    }

    /** An axis-aligned bounding box of the points, carrying the given rotation (MediaPipe's detection-to-rect). */
    private static Roi axisAlignedBounds(double[] xs, double[] ys, double rotation) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        return new Roi((minX + maxX) / 2, (minY + maxY) / 2, maxX - minX, maxY - minY, rotation);
    }

    /** The tightest rectangle with the given rotation around the points. */
    private static Roi rotatedBounds(double[] xs, double[] ys, double rotation) {
        Roi box = axisAlignedBounds(xs, ys, 0);
        double reverse = Roi.normalizeRadians(-rotation);
        double cosR = Math.cos(reverse);
        double sinR = Math.sin(reverse);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < xs.length; i++) {
            double ox = xs[i] - box.centerX();
            double oy = ys[i] - box.centerY();
            double px = ox * cosR - oy * sinR;
            double py = ox * sinR + oy * cosR;
            minX = Math.min(minX, px);
            maxX = Math.max(maxX, px);
            minY = Math.min(minY, py);
            maxY = Math.max(maxY, py);
        }
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        return new Roi(cx * cos - cy * sin + box.centerX(), cx * sin + cy * cos + box.centerY(), maxX - minX,
                maxY - minY, rotation);
    }
}
