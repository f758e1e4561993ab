package org.gesturelab.keypoints;

/**
 * Smooths a fixed-size set of landmarks over time as MediaPipe's pose landmark filtering does: one
 * {@link OneEuroFilter} per coordinate on pixel-scaled values (x * width, y * height, z * width), speeds scaled by
 * 1 / object size; visibilities through a plain low-pass filter. {@link #reset()} when the object is lost so that
 * a new one does not inherit the old one's motion.
 */
public final class LandmarkSmoother {

    /** MediaPipe's settings for the 33 pose landmarks: min cutoff 0.05, beta 80, derivative cutoff 1. */
    public static final double[] POSE = {0.05, 80, 1};
    /** MediaPipe's settings for the pose's two auxiliary (tracking) landmarks: 0.01, 10, 1. */
    public static final double[] POSE_AUXILIARY = {0.01, 10, 1};
    /** MediaPipe's low-pass factor for pose visibility. */
    public static final double VISIBILITY_ALPHA = 0.1;

    private static final double INITIAL_FREQUENCY = 30;
    private static final double MIN_OBJECT_SCALE = 1e-6;

    private final int count;
    private final double[] settings;
    private OneEuroFilter[] filters;
    private double[] visibility;

    /**
     * Creates a smoother.
     *
     * @param count landmarks per frame
     * @param settings {min cutoff, beta, derivative cutoff}
     */
    public LandmarkSmoother(int count, double[] settings) {
        this.count = count;
        this.settings = settings.clone();
        reset();
    }

    /** Forgets the history: the next frame passes unfiltered. */
    public void reset() {
        filters = new OneEuroFilter[count * 3];
        for (int i = 0; i < filters.length; i++) {
            filters[i] = new OneEuroFilter(INITIAL_FREQUENCY, settings[0], settings[1], settings[2]);
        }
        visibility = null;
    }

    /**
     * Smooths one frame's landmarks in place.
     *
     * @param xyz normalized x, y, z per landmark (count x 3), replaced by the smoothed values
     * @param visibilities one per landmark, low-pass filtered in place; null to skip
     * @param nanos the frame's time stamp
     * @param imageWidth frame width in pixels
     * @param imageHeight frame height in pixels
     * @param objectScale the object's size in pixels (the region of interest's mean side)
     */
    public void apply(float[] xyz, float[] visibilities, long nanos, int imageWidth, int imageHeight,
            double objectScale) {
        if (objectScale >= MIN_OBJECT_SCALE) {
            double valueScale = 1 / objectScale;
            for (int i = 0; i < count; i++) {
                xyz[3 * i] = (float) (filters[3 * i].apply(nanos, valueScale, xyz[3 * i] * (double) imageWidth)
                        / imageWidth);
                xyz[3 * i + 1] = (float) (filters[3 * i + 1].apply(nanos, valueScale,
                        xyz[3 * i + 1] * (double) imageHeight) / imageHeight);
                xyz[3 * i + 2] = (float) (filters[3 * i + 2].apply(nanos, valueScale,
                        xyz[3 * i + 2] * (double) imageWidth) / imageWidth);
            }
        }
        if (visibilities != null) {
            if (visibility == null) {
                visibility = new double[count];
                for (int i = 0; i < count; i++) {
                    visibility[i] = visibilities[i];
                }
            } else {
                for (int i = 0; i < count; i++) {
                    visibility[i] = VISIBILITY_ALPHA * visibilities[i] + (1 - VISIBILITY_ALPHA) * visibility[i];
                    visibilities[i] = (float) visibility[i];
                }
            }
        }
    }
}
