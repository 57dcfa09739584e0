package org.jkeras.activations;

/**
 * Keras {@code celu(x, alpha=1)}: max(x, 0) + α·expm1(min(x, 0)/α) (numpy backend nn.celu), in float for α &gt; 0
 * ({@link FloatExp#expm1}, within 2.5 ulp for α = 2.5); for any other α, whose argument can be positive, in double and scalar.
 */
public final class Celu extends ElementwiseActivation {
    private final float alpha;

    /** celu with scale α = {@code alpha} of the negative part (Keras' default 1). */
    public Celu(float alpha) {
        this.alpha = alpha;
    }

    @Override
    public String name() {
        return "celu";
    }

    @Override
    public String formula() {
        return "max(x, 0) + " + alpha + "·(exp(min(x, 0) / " + alpha + ") - 1)";
    }

    @Override
    public float apply(float x) {
        if (!(alpha > 0)) return (float) (Math.max(x, 0.0) + alpha * Math.expm1(Math.min(x, 0.0) / alpha));
        return Math.max(x, 0f) + alpha * FloatExp.expm1(Math.min(x, 0f) / alpha);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED && alpha > 0 ? VectorKernels.elu(x, off, len, VectorKernels.CELU, alpha) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
