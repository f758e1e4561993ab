package org.gesturelab.app.label;

import org.gesturelab.active.RankedClip;
import org.gesturelab.app.common.ClipPictures;
import org.gesturelab.dataset.Clip;

/**
 * A clip of the labeling queue with everything needed to show it at once: fetched and rendered with its batch.
 *
 * @param ranked why the strategy picked it
 * @param clip the stored clip
 * @param probabilities the current model's class probabilities for it, or null without a model
 * @param pictures its replay, ready to loop
 */
public record LabelItem(RankedClip ranked, Clip clip, float[] probabilities, ClipPictures pictures) {
}
