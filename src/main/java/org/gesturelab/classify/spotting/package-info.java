/**
 * Continuous recognition: turning per-frame class probabilities from a sliding window into gesture events
 * ({@link org.gesturelab.classify.spotting.GestureSpotter}), the stream format of recordings with their true
 * segments, a generator of such streams, and their event-level evaluation.
 */
package org.gesturelab.classify.spotting;
