package org.gesturelab.classify.spotting;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures of a stream evaluation, under the names {@code evaluate-stream --json} prints. Precision, recall and
 * F1 are null when the recordings hold no true segment; the false-activation rate is null when they hold no Nothing.
 *
 * @param eventPrecision matched events / events
 * @param eventRecall matched segments / segments
 * @param eventF1 their harmonic mean
 * @param falseActivationsPerHour unmatched events per hour of Nothing
 * @param medianLatencyFrames median frames from a segment's start to its event's confirmation
 * @param frames frames in all
 * @param hours hours in all, at the given frame rate
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StreamReport(
        @JsonProperty("event_precision") Double eventPrecision,
        @JsonProperty("event_recall") Double eventRecall,
        @JsonProperty("event_f1") Double eventF1,
        @JsonProperty("false_activations_per_hour") Double falseActivationsPerHour,
        @JsonProperty("median_latency_frames") Double medianLatencyFrames,
        @JsonProperty("frames") long frames,
        @JsonProperty("hours") double hours) {
}
