package org.gesturelab.keypoints;

/**
 * A rotated rectangle of the frame that a model looks at, in frame pixels, as MediaPipe's {@code NormalizedRect}
 * but not normalized (so that squares stay square on any aspect ratio).
 *
 * <p>The crop maps the rectangle onto the model's input so that crop coordinate (u, v) in [0, 1] (u to the right,
 * v down, both in the model's frame) lands on frame point
 * {@code centre + R(rotation) * ((u - 0.5) * width, (v - 0.5) * height)}, with R a rotation that turns clockwise on
 * screen for positive angles (image y points down), exactly as MediaPipe's {@code LandmarkProjectionCalculator}.
 *
 * @param centerX centre, pixels from the left
 * @param centerY centre, pixels from the top
 * @param width extent along the rotated x axis, pixels
 * @param height extent along the rotated y axis, pixels
 * @param rotation radians, clockwise on screen
 */
public record Roi(double centerX, double centerY, double width, double height, double rotation) {

    /**
     * Returns the frame point that crop coordinates map to.
     *
     * @param u crop x in [0, 1]
     * @param v crop y in [0, 1]
     * @return {x, y} in frame pixels
     */
    public double[] toFrame(double u, double v) {
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double dx = (u - 0.5) * width;
        double dy = (v - 0.5) * height;
        return new double[] {centerX + cos * dx - sin * dy, centerY + sin * dx + cos * dy};
    }

    /**
     * Returns the crop coordinates of a frame point (the inverse of {@link #toFrame}).
     *
     * @param x frame x in pixels
     * @param y frame y in pixels
     * @return {u, v}
     */
    public double[] toCrop(double x, double y) {
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double dx = x - centerX;
        double dy = y - centerY;
        return new double[] {(cos * dx + sin * dy) / width + 0.5, (-sin * dx + cos * dy) / height + 0.5};
    }

    /**
     * Returns the 2x3 affine matrix that takes a pixel of a {@code cropWidth x cropHeight} model input to the frame,
     * for OpenCV's {@code warpAffine} with {@code WARP_INVERSE_MAP}. Crop pixel i sits at u = i / cropWidth, the
     * convention of MediaPipe's OpenCV image-to-tensor converter (rectangle corners onto tensor corners).
     *
     * @param cropWidth model input width
     * @param cropHeight model input height
     * @return {a, b, c, d, e, f}: x = a*i + b*j + c, y = d*i + e*j + f
     */
    public double[] cropToFrameAffine(int cropWidth, int cropHeight) {
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double a = width * cos / cropWidth;
        double b = -height * sin / cropHeight;
        double d = width * sin / cropWidth;
        double e = height * cos / cropHeight;
        double c = centerX - 0.5 * width * cos + 0.5 * height * sin;
        double f = centerY - 0.5 * width * sin - 0.5 * height * cos;
        return new double[] {a, b, c, d, e, f};
    }

    /**
     * MediaPipe's {@code RectTransformationCalculator}: shift (in units of the rectangle's own size, along its
     * rotated axes), optionally make square on the long side, then scale.
     *
     * @param scaleX factor for the width
     * @param scaleY factor for the height
     * @param shiftX shift along the rotated x axis, in widths
     * @param shiftY shift along the rotated y axis, in heights
     * @param squareLong whether to make the rectangle square with the longer side
     * @return the transformed rectangle
     */
    public Roi transform(double scaleX, double scaleY, double shiftX, double shiftY, boolean squareLong) {
        double cos = Math.cos(rotation);
        double sin = Math.sin(rotation);
        double x = centerX + width * shiftX * cos - height * shiftY * sin;
        double y = centerY + width * shiftX * sin + height * shiftY * cos;
        double w = width;
        double h = height;
        if (squareLong) {
            double longSide = Math.max(w, h);
            w = longSide;
            h = longSide;
        }
        return new Roi(x, y, w * scaleX, h * scaleY, rotation);
    }

    /**
     * MediaPipe's {@code AlignmentPointsRectsCalculator}: a square centred on one point whose side is twice the
     * distance to a second point, rotated so that the vector between them points at a target angle.
     *
     * @param centerX the centre point's x, pixels
     * @param centerY the centre point's y
     * @param scaleX the scale point's x
     * @param scaleY the scale point's y
     * @param targetAngle the angle the centre-to-scale vector should have after rotation, radians (counter-clockwise
     *     from the x axis, y up)
     * @return the rectangle
     */
    public static Roi fromAlignmentPoints(double centerX, double centerY, double scaleX, double scaleY,
            double targetAngle) {
        double size = 2 * Math.hypot(scaleX - centerX, scaleY - centerY);
        double rotation = normalizeRadians(targetAngle - Math.atan2(-(scaleY - centerY), scaleX - centerX));
        return new Roi(centerX, centerY, size, size, rotation);
    }

    /**
     * Wraps an angle into [-pi, pi), as MediaPipe's {@code NormalizeRadians}.
     *
     * @param angle radians
     * @return the same direction in [-pi, pi)
     */
    public static double normalizeRadians(double angle) {
        return angle - 2 * Math.PI * Math.floor((angle + Math.PI) / (2 * Math.PI));
    }
}
