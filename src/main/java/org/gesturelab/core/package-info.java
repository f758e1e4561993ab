/**
 * The vocabulary every layer shares and nothing else: the 1662-float keypoint layout, the {@code .npy} format,
 * labeled clips, progress and cancel ({@link org.gesturelab.core.TaskMonitor}), the base exception and small file
 * helpers. It imports no other GestureLab package, so any package may import it.
 */
package org.gesturelab.core;
