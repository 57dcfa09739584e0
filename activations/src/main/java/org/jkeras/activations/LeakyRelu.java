package org.jkeras.activations;

/**
 * Keras {@code leaky_relu(x, negative_slope)}: max(x, s·x) (numpy backend nn.leaky_relu). The string
 * {@code "leaky_relu"} means s = 0.2; the {@code LeakyReLU} layer defaults to 0.3 (config key {@code alpha} in
 * Keras 1/2, {@code negative_slope} in Keras 3).
 */
public final class LeakyRelu extends ElementwiseActivation {
    private final float slope;

    /** leaky_relu with s = {@code slope}, the slope for x &lt; 0. */
    public LeakyRelu(float slope) {
        this.slope = slope;
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public String formula() {
        return "max(x, " + slope + "x)";
    }

    @Override
    public float apply(float x) {
        return Math.max(x, slope * x);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.leakyRelu(x, off, len, slope) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
