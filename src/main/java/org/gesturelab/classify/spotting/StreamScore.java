package org.gesturelab.classify.spotting;

import org.gesturelab.dataset.KeypointStream;
import org.gesturelab.dataset.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Spotted events scored against a stream's true segments. An event counts when it overlaps a not yet matched true
 * segment of the same class by at least half of the shorter of the two; every other event is a false activation
 * (a wrong class, a second event on one gesture, or one in Nothing). Scores of several recordings add up with
 * {@link #plus}.
 *
 * @param events events spotted
 * @param matchedEvents events that matched a true segment
 * @param segments true segments
 * @param falseActivations events that matched none
 * @param frames frames in all
 * @param nothingFrames frames in no segment
 * @param latencies for each matched segment, frames from its start to the event's confirmation
 */
public record StreamScore(long events, long matchedEvents, long segments, long falseActivations, long frames,
        long nothingFrames, List<Long> latencies) {

    /** Copies the list. */
    public StreamScore {
        latencies = List.copyOf(latencies);
    }

    /** A score of nothing, the start of a sum. */
    public static final StreamScore EMPTY = new StreamScore(0, 0, 0, 0, 0, 0, List.of());

    /**
     * Scores events against a stream.
     *
     * @param events the spotted events
     * @param stream the stream with its segments
     * @return the score
     */
    public static StreamScore of(List<SpottedEvent> events, KeypointStream stream) {
        List<Segment> truth = stream.segments();
        boolean[] taken = new boolean[truth.size()];
        long matched = 0;
        List<Long> latencies = new ArrayList<>();
        for (SpottedEvent event : events) {
            int best = -1;
            long bestOverlap = 0;
            for (int s = 0; s < truth.size(); s++) {
                Segment segment = truth.get(s);
                if (taken[s] || !segment.label().equals(event.label())) {
                    continue;
                }
                long overlap = segment.overlap(event.start(), event.end());
                if (2 * overlap >= Math.min(segment.length(), event.length()) && overlap > bestOverlap) {
                    best = s;
                    bestOverlap = overlap;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                matched++;
                latencies.add(event.detectedAt() - truth.get(best).start());
            }
        }
        return new StreamScore(events.size(), matched, truth.size(), events.size() - matched,
                stream.frames().length, stream.nothingFrames(), latencies);
    }

    /** Returns the sum of this score and another. */
    public StreamScore plus(StreamScore other) {
        List<Long> all = new ArrayList<>(latencies);
        all.addAll(other.latencies);
        return new StreamScore(events + other.events, matchedEvents + other.matchedEvents,
                segments + other.segments, falseActivations + other.falseActivations, frames + other.frames,
                nothingFrames + other.nothingFrames, all);
    }

    /** Returns event precision, or null when there are no true segments. */
    public Double precision() {
        if (segments == 0) {
            return null;
        }
        return events == 0 ? 0.0 : (double) matchedEvents / events;
    }

    /** Returns event recall, or null when there are no true segments. */
    public Double recall() {
        return segments == 0 ? null : (double) matchedEvents / segments;
    }

    /** Returns event F1, or null when there are no true segments. */
    public Double f1() {
        Double p = precision();
        Double r = recall();
        if (p == null || r == null) {
            return null;
        }
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /**
     * Returns false activations per hour of Nothing.
     *
     * @param fps frames per second of the recordings
     * @return the rate, or null when there is no Nothing at all
     */
    public Double falseActivationsPerHour(double fps) {
        return nothingFrames == 0 ? null : falseActivations / (nothingFrames / fps / 3600.0);
    }

    /** Returns the median latency in frames, or null when nothing matched. */
    public Double medianLatency() {
        if (latencies.isEmpty()) {
            return null;
        }
        List<Long> sorted = latencies.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /**
     * Returns the figures {@code evaluate-stream --json} prints.
     *
     * @param fps frames per second
     * @return the report
     */
    public StreamReport report(double fps) {
        return new StreamReport(precision(), recall(), f1(), falseActivationsPerHour(fps), medianLatency(), frames,
                frames / fps / 3600.0);
    }
}
