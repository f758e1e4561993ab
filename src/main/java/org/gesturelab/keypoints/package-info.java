/**
 * MediaPipe Holistic in pure Java: pose, hand and face landmarks per frame, the 1662-float keypoint vector, and extraction of whole videos.
 */
package org.gesturelab.keypoints;
