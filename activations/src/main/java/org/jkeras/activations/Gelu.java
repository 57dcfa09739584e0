package org.jkeras.activations;

/**
 * Keras {@code gelu(x, approximate=False)} (numpy backend nn.gelu; the string {@code "gelu"} is exact in Keras 3
 * and tf.keras): exact 0.5x(1 + erf(x/√2)), evaluated as 0.5x·erfc(−x/√2) so the negative tail keeps its
 * relative precision; approximate 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))), evaluated as x / (1 + e^(−2u)) with
 * u = √(2/π)(x + 0.044715x³), the same value without cancellation. Both in double.
 */
public final class Gelu extends ElementwiseActivation {
    static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    static final double CUBIC = 0.044715;
    static final double SQRT_HALF = Math.sqrt(0.5);

    private final boolean approximate;

    /** The exact (erf) gelu, or with {@code approximate} (Keras' {@code approximate=True}) the tanh form. */
    public Gelu(boolean approximate) {
        this.approximate = approximate;
    }

    @Override
    public String name() {
        return "gelu";
    }

    @Override
    public String formula() {
        return approximate ? "0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))" : "0.5x(1 + erf(x / sqrt(2)))";
    }

    @Override
    public float apply(float x) {
        if (!approximate) return (float) (0.5 * x * Erf.erfc(-x * SQRT_HALF));
        double u = (x * (double) x * x * CUBIC + x) * SQRT_2_OVER_PI;
        return (float) (x / (1 + Math.exp(-2 * u)));
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = !Simd.ENABLED ? off : approximate ? VectorKernels.geluTanh(x, off, len) : VectorKernels.geluErf(x, off, len);
        super.applyInPlace(x, done, off + len - done);
    }
}
