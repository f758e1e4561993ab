/**
 * Continuous recognition: turning per-frame class probabilities from a sliding window into gesture events
 * ({@link org.gesturelab.classify.spotting.GestureSpotter}), a generator of streams in the stream format
 * ({@link org.gesturelab.dataset.KeypointStream}), and their event-level evaluation.
 */
package org.gesturelab.classify.spotting;
