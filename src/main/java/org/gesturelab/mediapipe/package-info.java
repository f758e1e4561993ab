/**
 * The MediaPipe model files: install from the npm package, TFLite-to-ONNX conversion, verification against TFLite, and the DJL model zoo that loads them.
 */
package org.gesturelab.mediapipe;
