package org.jkeras.activations;

/**
 * Keras {@code elu(x, alpha=1)}: x if x ≥ 0 else α·expm1(x) (numpy backend nn.elu; Keras 2's backend.elu and the
 * {@code ELU} layer give the same numbers), in double.
 */
public final class Elu extends ElementwiseActivation {
    private final float alpha;

    /** elu with α = {@code alpha}, the negative part approaching −α (Keras' default 1). */
    public Elu(float alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "elu";
    }

    @Override
    public String formula() {
        return "x if x >= 0 else " + alpha + "·(exp(x) - 1)";
    }

    @Override
    public float apply(float x) {
        return x >= 0 ? x : (float) (alpha * Math.expm1(x));
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.elu(x, off, len, alpha, 1) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
