package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One fixed-length vector per clip for classical models: the clip's standardized feature sequence summarized over
 * time by the mean, standard deviation, minimum and maximum of each feature (presence flags included, so their mean
 * is the share of frames in which a part was seen).
 */
final class ClipSummary {

    private final FeatureExtractor extractor;
    private final FeatureStatistics statistics;
    private final int[] flagOfColumn;

    private ClipSummary(FeatureExtractor extractor, FeatureStatistics statistics) {
        this.extractor = extractor;
        this.statistics = statistics;
        this.flagOfColumn = extractor.flagOfColumn();
    }

    /**
     * Computes the standardization statistics on training clips.
     *
     * @param data the training clips
     * @param extractor the per-frame features
     * @return the summarizer
     */
    static ClipSummary fit(LabeledClips data, FeatureExtractor extractor) {
        List<float[][]> sequences = new ArrayList<>(data.size());
        for (float[][] clip : data.clips()) {
            sequences.add(extractor.sequence(clip));
        }
        return new ClipSummary(extractor, FeatureStatistics.fit(sequences, extractor.flagOfColumn()));
    }

    /**
     * Rebuilds a summarizer from saved statistics.
     *
     * @param extractor the per-frame features, as the model card names them
     * @param statistics the standardization statistics fitted on the training clips
     * @return the summarizer
     */
    static ClipSummary of(FeatureExtractor extractor, FeatureStatistics statistics) {
        return new ClipSummary(extractor, statistics);
    }

    /** Returns the per-frame features the summary is computed from. */
    FeatureExtractor extractor() {
        return extractor;
    }

    /** Returns the standardization statistics. */
    FeatureStatistics statistics() {
        return statistics;
    }

    /** Returns the names of the summary features, in vector order. */
    String[] featureNames() {
        int d = extractor.dimension();
        String[] names = new String[4 * d];
        String[] statistic = {"mean", "std", "min", "max"};
        for (int s = 0; s < 4; s++) {
            for (int f = 0; f < d; f++) {
                names[s * d + f] = String.format(Locale.ROOT, "%s%04d", statistic[s], f);
            }
        }
        return names;
    }

    /**
     * Summarizes clips.
     *
     * @param clips raw clips
     * @return one vector of {@code 4 x dimension} values per clip
     */
    double[][] summarize(List<float[][]> clips) {
        int d = extractor.dimension();
        double[][] out = new double[clips.size()][];
        for (int i = 0; i < out.length; i++) {
            float[][] sequence = extractor.sequence(clips.get(i));
            statistics.standardize(sequence, flagOfColumn);
            double[] row = new double[4 * d];
            for (int f = 0; f < d; f++) {
                double sum = 0;
                double sumSquares = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (float[] frame : sequence) {
                    sum += frame[f];
                    sumSquares += (double) frame[f] * frame[f];
                    min = Math.min(min, frame[f]);
                    max = Math.max(max, frame[f]);
                }
                double mean = sum / sequence.length;
                row[f] = mean;
                row[d + f] = Math.sqrt(Math.max(0, sumSquares / sequence.length - mean * mean));
                row[2 * d + f] = min;
                row[3 * d + f] = max;
            }
            out[i] = row;
        }
        return out;
    }
}
