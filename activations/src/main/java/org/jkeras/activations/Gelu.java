package org.jkeras.activations;

/**
 * Keras {@code gelu(x, approximate=False)} (numpy backend nn.gelu; the string {@code "gelu"} is exact in Keras 3
 * and tf.keras): exact 0.5x(1 + erf(x/√2)), evaluated as TensorFlow does, 0.5x·erfc(−x/√2), so the negative tail
 * keeps its relative precision; approximate 0.5x(1 + tanh(√(2/π)(x + 0.044715x³))), evaluated as x·sigmoid(2u) with
 * u = √(2/π)(x + 0.044715x³), the same value without cancellation. Both in float ({@link FloatExp}: Cephes' float
 * erf/erfc with x²/2 kept exact): the exact form within 14 ulp of the exact value near x = −1.4, where
 * erfc = 1 − erf cancels, and 6 ulp elsewhere, closer than TensorFlow's float kernel, which rounds x/√2 first.
 */
public final class Gelu extends ElementwiseActivation {
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
        return approximate ? FloatExp.geluTanh(x) : FloatExp.geluErf(x);
    }

    /** The exact form runs in passes over blocks of 16 vectors (VectorKernels.geluErf): a tile row is 4. */
    @Override
    public boolean appliesPerTile() {
        return approximate;
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = !Simd.ENABLED ? off
                : approximate ? off + VectorKernels.expFamily(x, off, off, off, len, VectorKernels.GELU_TANH, 0f) : VectorKernels.geluErf(x, off, len);
        super.applyInPlace(x, done, off + len - done);
    }
}
