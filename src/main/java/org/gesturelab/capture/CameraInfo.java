package org.gesturelab.capture;

/**
 * A camera the system offers, as the source picker lists it.
 *
 * @param index the number to pass to {@link FrameSources#camera(int)}
 * @param name a name for people ("Integrated Camera"), or a generic one when the system gives none
 * @param device the device path or identifier ({@code /dev/video0} on Linux), for {@link FrameSources#camera(String)}
 */
public record CameraInfo(int index, String name, String device) {
}
