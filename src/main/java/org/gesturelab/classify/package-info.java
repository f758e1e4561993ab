/**
 * Gesture sequence classifiers: feature normalization, DJL network architectures, training, evaluation and classical baselines.
 */
package org.gesturelab.classify;
