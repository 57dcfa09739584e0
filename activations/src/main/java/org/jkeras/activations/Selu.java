package org.jkeras.activations;

/**
 * Keras {@code selu}: λ·elu(x, α) with α = 1.6732632423543772848170429916717, λ = 1.0507009873554804934193349852946
 * (numpy backend nn.selu), in double.
 */
public final class Selu extends ElementwiseActivation {
    static final double ALPHA = 1.6732632423543772848170429916717;
    static final double SCALE = 1.0507009873554804934193349852946;

    /** The {@code selu} activation; it has no parameters. */
    public Selu() {
    }

    @Override
    public String name() {
        return "selu";
    }

    @Override
    public String formula() {
        return "1.0507009873554805·(x if x >= 0 else 1.6732632423543772·(exp(x) - 1))";
    }

    @Override
    public float apply(float x) {
        return (float) (SCALE * (x >= 0 ? x : ALPHA * Math.expm1(x)));
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.elu(x, off, len, ALPHA, SCALE) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
