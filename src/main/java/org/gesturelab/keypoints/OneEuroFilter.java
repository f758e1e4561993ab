package org.gesturelab.keypoints;

/**
 * The one-euro filter of Casiez et al. as MediaPipe implements it ({@code OneEuroFilter} in its landmark smoothing):
 * an exponential smoother whose cutoff rises with the (scaled) speed of the value, so that still landmarks stop
 * jittering and moving ones do not lag. Time stamps must increase; a repeated or older time stamp returns the value
 * unfiltered.
 */
public final class OneEuroFilter {

    private final double minCutoff;
    private final double beta;
    private final double derivativeCutoff;
    private double frequency;
    private long lastNanos = Long.MIN_VALUE;
    private boolean hasValue;
    private double lastRaw;
    private double lastFiltered;
    private boolean hasDerivative;
    private double lastDerivative;

    /**
     * Creates a filter.
     *
     * @param frequency assumed rate (Hz) until two time stamps give the real one
     * @param minCutoff cutoff frequency for a still value (Hz): lower is smoother
     * @param beta how fast the cutoff rises with speed: higher lags less
     * @param derivativeCutoff cutoff for the speed estimate (Hz)
     */
    public OneEuroFilter(double frequency, double minCutoff, double beta, double derivativeCutoff) {
        this.frequency = frequency;
        this.minCutoff = minCutoff;
        this.beta = beta;
        this.derivativeCutoff = derivativeCutoff;
    }

    /**
     * Filters one value.
     *
     * @param nanos the value's time stamp in nanoseconds
     * @param valueScale multiplies the speed before it sets the cutoff (1 / object size, so that the filter acts
     *     the same on near and far objects)
     * @param value the raw value
     * @return the filtered value
     */
    public double apply(long nanos, double valueScale, double value) {
        if (lastNanos != Long.MIN_VALUE && nanos <= lastNanos) {
            return value;
        }
        if (lastNanos != Long.MIN_VALUE) {
            frequency = 1e9 / (nanos - lastNanos);
        }
        lastNanos = nanos;
        double speed = hasValue ? (value - lastRaw) * valueScale * frequency : 0;
        double smoothedSpeed = hasDerivative
                ? lowPass(speed, lastDerivative, alpha(derivativeCutoff)) : speed;
        hasDerivative = true;
        lastDerivative = smoothedSpeed;
        double cutoff = minCutoff + beta * Math.abs(smoothedSpeed);
        double filtered = hasValue ? lowPass(value, lastFiltered, alpha(cutoff)) : value;
        hasValue = true;
        lastRaw = value;
        lastFiltered = filtered;
        return filtered;
    }

    private double alpha(double cutoff) {
        double period = 1 / frequency;
        double tau = 1 / (2 * Math.PI * cutoff);
        return 1 / (1 + tau / period);
    }

    private static double lowPass(double value, double previous, double alpha) {
        return alpha * value + (1 - alpha) * previous;
    }
}
