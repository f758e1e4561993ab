package org.gesturelab.keypoints;

/**
 * What a landmark model's translator needs: the frame and the rotated rectangle of it to look at.
 *
 * @param image the frame, in native memory
 * @param roi the region, in frame pixels
 */
public record CropRequest(FrameImage image, Roi roi) {
}
