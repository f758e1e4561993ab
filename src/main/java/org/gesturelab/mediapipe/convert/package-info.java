/**
 * Converts MediaPipe's TensorFlow Lite models to ONNX in pure Java: reads the {@code .tflite} flatbuffer with the
 * TFLite schema classes, folds FP16 and sparse weights into plain float32 initializers, and writes an ONNX graph that
 * keeps the TFLite input and output names and NHWC shapes while running NCHW inside.
 */
package org.gesturelab.mediapipe.convert;
