/**
 * The Live screen and the video feed it shares with the Record screen: source picking, playback with the keypoint
 * overlay, and live recognition over the last 30 frames.
 */
package org.gesturelab.app.live;
