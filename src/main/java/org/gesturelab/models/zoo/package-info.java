/**
 * The DJL model zoo of the installed MediaPipe models: a {@code Criteria} with {@link
 * org.gesturelab.models.zoo.GestureLabModelZoo#GROUP_ID} and an artifact id loads {@code ID.onnx} from the model
 * directory on the OnnxRuntime engine.
 */
package org.gesturelab.models.zoo;
