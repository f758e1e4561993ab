package org.gesturelab.classify;

/**
 * Settings the PyTorch engine reads once, when it starts: one native thread (OpenMP busy-waits badly on a small,
 * shared machine, and training here is small enough that one thread is fastest overall) and no network access.
 * Each is set only when the user has not set it, so {@code -Dai.djl.pytorch.num_threads=4} still wins.
 */
final class PyTorchDefaults {

    private PyTorchDefaults() {
    }

    /** Sets the defaults; call before the first use of the engine. */
    static void apply() {
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.offline", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
