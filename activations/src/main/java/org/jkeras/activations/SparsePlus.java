package org.jkeras.activations;

/** Keras {@code sparse_plus}: 0 if x ≤ −1, (x + 1)²/4 if x &lt; 1, else x (numpy backend nn.sparse_plus). */
public final class SparsePlus extends ElementwiseActivation {
    /** The {@code sparse_plus} activation; it has no parameters. */
    public SparsePlus() {
    }

    @Override
    public String name() {
        return "sparse_plus";
    }

    @Override
    public String formula() {
        return "0 if x <= -1, (x + 1)^2 / 4 if x < 1, else x";
    }

    @Override
    public float apply(float x) {
        return x <= -1 ? 0f : x < 1 ? 0.25f * ((x + 1) * (x + 1)) : x;
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.sparsePlus(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
