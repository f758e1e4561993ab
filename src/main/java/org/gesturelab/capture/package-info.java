/**
 * Frame sources: cameras, video and image files and FFmpeg's test pattern, each frame stamped with its time. Built on
 * JavaCV.
 *
 * <p>{@link org.gesturelab.capture.FrameSources} opens them ({@code open("camera:0")}, {@code open("clip.mp4")},
 * {@code open("testsrc:640x480@30")}, a folder of images) and lists cameras quickly
 * ({@link org.gesturelab.capture.FrameSources#listCameras()}); a missing camera fails within about a second.
 * {@link org.gesturelab.capture.Frame} is packed 8-bit BGR, upright, with index and time stamp.
 */
package org.gesturelab.capture;
