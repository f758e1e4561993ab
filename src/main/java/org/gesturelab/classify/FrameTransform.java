package org.gesturelab.classify;

/**
 * A planar transform applied to every landmark of a frame before features are computed, used to augment training
 * clips: a 2 x 2 matrix acting on image coordinates around the image centre, optionally after a left/right mirror.
 *
 * <p>Mirroring flips x and swaps what is left and right (the hands, paired pose and face points), so a mirrored
 * left-hand sign looks like the same sign made with the right hand. Translation and uniform scale are not worth
 * augmenting: the body-centric normalization removes them.
 *
 * @param a row 1, column 1
 * @param b row 1, column 2
 * @param c row 2, column 1
 * @param d row 2, column 2
 * @param mirror whether to mirror left and right first
 */
public record FrameTransform(double a, double b, double c, double d, boolean mirror) {

    /** The identity: features of the frame as recorded. */
    public static final FrameTransform IDENTITY = new FrameTransform(1, 0, 0, 1, false);

    /**
     * Builds a rotation combined with independent scales of x and y.
     *
     * @param radians rotation angle
     * @param scaleX scale of x
     * @param scaleY scale of y
     * @param mirror whether to mirror left and right first
     * @return the transform
     */
    public static FrameTransform of(double radians, double scaleX, double scaleY, boolean mirror) {
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        return new FrameTransform(cos * scaleX, -sin * scaleX, sin * scaleY, cos * scaleY, mirror);
    }

    /**
     * Returns the same transform with mirroring set.
     *
     * @param value whether to mirror left and right first
     * @return the transform
     */
    public FrameTransform withMirror(boolean value) {
        return new FrameTransform(a, b, c, d, value);
    }

    /** Returns the transformed x of an image point. */
    double x(float x, float y) {
        double dx = (mirror ? 0.5 - x : x - 0.5);
        return 0.5 + a * dx + b * (y - 0.5);
    }

    /** Returns the transformed y of an image point. */
    double y(float x, float y) {
        double dx = (mirror ? 0.5 - x : x - 0.5);
        return 0.5 + c * dx + d * (y - 0.5);
    }
}
