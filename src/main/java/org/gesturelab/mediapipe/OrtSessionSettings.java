package org.gesturelab.mediapipe;

import java.util.Map;

import ai.djl.repository.zoo.Criteria;

/**
 * The ONNX Runtime session options GestureLab runs the MediaPipe models with, as DJL {@link Criteria} options.
 *
 * <p>One thread per session (intra- and inter-op), sequential execution and every graph optimization: a session
 * serves one worker, and several workers (pose, hands, face) run side by side, so one thread each beats a pool
 * that fights over the cores. With one intra-op thread ONNX Runtime starts no pool threads, so nothing spins.
 * The keys are those of DJL's {@code OrtModel}.
 */
public final class OrtSessionSettings {

    /** DJL's name of the ONNX Runtime engine. */
    public static final String ENGINE = "OnnxRuntime";

    private static final Map<String, String> ONE_THREAD = Map.of(
            "interOpNumThreads", "1",
            "intraOpNumThreads", "1",
            "executionMode", "SEQUENTIAL",
            "optLevel", "ALL_OPT",
            "memoryPatternOptimization", "true",
            "cpuArenaAllocator", "true");

    private OrtSessionSettings() {
    }

    /** Returns the DJL options for one-thread inference. */
    public static Map<String, String> oneThread() {
        return ONE_THREAD;
    }

    /**
     * Selects the ONNX Runtime engine and applies the one-thread options to a criteria builder.
     *
     * @param builder the builder, with its types already set
     * @param <I> the input type
     * @param <O> the output type
     * @return the same builder
     */
    public static <I, O> Criteria.Builder<I, O> apply(Criteria.Builder<I, O> builder) {
        builder.optEngine(ENGINE);
        ONE_THREAD.forEach(builder::optOption);
        return builder;
    }
}
