package org.jkeras.activations;

/**
 * Keras {@code threshold(x, threshold, default_value)}: x if x > threshold else default_value (numpy backend
 * nn.threshold). Keras gives the two arguments no defaults, so the bare string {@code "threshold"} cannot run in
 * Keras either and is not in the name registry; build it with {@link Activations#threshold}.
 */
public final class Threshold extends ElementwiseActivation {
    private final float threshold;
    private final float defaultValue;

    /** Values x ≤ {@code threshold} become {@code defaultValue}. */
    public Threshold(float threshold, float defaultValue) {
        this.threshold = threshold;
        this.defaultValue = defaultValue;
    }

    @Override
    public String name() {
        return "threshold";
    }

    @Override
    public String formula() {
        return "x if x > " + threshold + " else " + defaultValue;
    }

    @Override
    public float apply(float x) {
        return x > threshold ? x : defaultValue;
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.threshold(x, off, len, threshold, defaultValue) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
