package org.gesturelab.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.HolisticPipeline;

/**
 * Loaded holistic pipelines, kept for the life of an executor JVM: loading the ONNX sessions takes seconds, a video
 * about as long, so tasks borrow a loaded pipeline instead of loading their own. A pipeline is not thread-safe; each
 * task thread holds one at a time, so an executor with N cores holds at most N.
 */
final class PipelinePool {

    private static final Map<HolisticOptions, Deque<HolisticPipeline>> IDLE = new HashMap<>();

    private PipelinePool() {
    }

    /**
     * Takes an idle pipeline with these options, or loads one.
     *
     * @param options the models
     * @return the pipeline; give it back when done
     */
    static HolisticPipeline borrow(HolisticOptions options) {
        synchronized (IDLE) {
            Deque<HolisticPipeline> idle = IDLE.get(options);
            if (idle != null && !idle.isEmpty()) {
                return idle.pop();
            }
        }
        return new HolisticPipeline(options);
    }

    /**
     * Returns a pipeline for the next task.
     *
     * @param options the options it was loaded with
     * @param pipeline the pipeline
     */
    static void giveBack(HolisticOptions options, HolisticPipeline pipeline) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(options, key -> new ArrayDeque<>()).push(pipeline);
        }
    }

    /** Closes every idle pipeline: the driver calls it after a local-mode job, whose executor is its own JVM. */
    static void closeAll() {
        List<HolisticPipeline> all = new ArrayList<>();
        synchronized (IDLE) {
            IDLE.values().forEach(all::addAll);
            IDLE.clear();
        }
        all.forEach(HolisticPipeline::close);
    }
}
