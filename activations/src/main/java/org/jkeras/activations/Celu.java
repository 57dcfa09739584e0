package org.jkeras.activations;

/** Keras {@code celu(x, alpha=1)}: max(x, 0) + α·expm1(min(x, 0)/α) (numpy backend nn.celu), in double. */
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
        return (float) (Math.max(x, 0.0) + alpha * Math.expm1(Math.min(x, 0.0) / alpha));
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.celu(x, off, len, alpha) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
