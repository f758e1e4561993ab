/**
 * MediaPipe Holistic in pure Java: pose, hand and face landmarks per frame, the 1662-float keypoint vector, and
 * extraction of whole videos.
 *
 * <p>Live use (the app):
 * <pre>{@code
 * try (HolisticPipeline pipeline = new HolisticPipeline(HolisticOptions.defaults());
 *         FrameSource camera = FrameSources.camera(0)) {
 *     // blocks; call pipeline.stop() from another thread to end it
 *     pipeline.run(camera, -1, (frame, keypoints) -> {
 *         Frame drawn = KeypointOverlay.draw(frame, keypoints); // BGR pixels with skeleton, hands, face mesh
 *         float[] features = keypoints.toVector();               // 1662 floats, zeros for missing parts
 *     }, TaskMonitor.SILENT);
 * }
 * }</pre>
 * Live sources keep only the newest frame (latency stays bounded); files lose no frame. For single frames on the
 * calling thread use {@link org.gesturelab.keypoints.HolisticTracker}; for whole files
 * {@link org.gesturelab.keypoints.ClipExtractor}. Models load through the {@code org.gesturelab.mediapipe} DJL
 * zoo, one translator per model; see {@code docs/decisions/0300} to {@code 0302}.
 */
package org.gesturelab.keypoints;
