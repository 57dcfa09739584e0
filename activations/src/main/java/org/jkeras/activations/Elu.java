package org.jkeras.activations;

/**
 * Keras {@code elu(x, alpha=1)}: x if x ≥ 0 else α·expm1(x) (numpy backend nn.elu; Keras 2's backend.elu and the
 * {@code ELU} layer give the same numbers), in float: e^x − 1 is {@link FloatExp#expm1}, the result within 1 ulp of the exact
 * value for α = ½ (1.5 for other α: e^x − 1 within 1, the product rounded once more).
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
        return x >= 0 ? x : alpha * FloatExp.expm1(x);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.elu(x, off, len, VectorKernels.ELU, alpha) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
