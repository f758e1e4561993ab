/**
 * Frame sources: cameras, video and image files and FFmpeg's test pattern, each frame stamped with its time. Built on JavaCV.
 */
package org.gesturelab.capture;
