/**
 * Export of trained gesture classifiers to ONNX: the feature pipeline and the network as one graph that any ONNX
 * runtime can run on raw keypoint windows, plus a JSON model card beside it (docs/decisions/1300).
 */
package org.gesturelab.classify.export;
