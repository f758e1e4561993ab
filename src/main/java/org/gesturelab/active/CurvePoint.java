package org.gesturelab.active;

/**
 * One point of a learning curve: the model after a round of labeling and retraining, scored on the test split.
 *
 * @param round 0 for the model trained on the initial labels, then 1, 2, ...
 * @param labels how many clips were labeled when the model was trained
 * @param macroF1 macro F1 on the test split (NaN when there are no test clips, here and below)
 * @param weightedF1 weighted F1 on the test split
 * @param accuracy accuracy on the test split
 * @param strategy the strategy that chose this round's clips ({@code initial} for round 0)
 * @param seconds the round's wall time: query, labeling, training and evaluation
 */
public record CurvePoint(int round, int labels, double macroF1, double weightedF1, double accuracy, String strategy,
        double seconds) {
}
