package org.jkeras.activations;

/** Keras {@code sparse_sigmoid}: 0 if x ≤ −1, 1 if x ≥ 1, else (x + 1)/2 (numpy backend nn.sparse_sigmoid). */
public final class SparseSigmoid extends ElementwiseActivation {
    /** The {@code sparse_sigmoid} activation; it has no parameters. */
    public SparseSigmoid() {
    }

    @Override
    public String name() {
        return "sparse_sigmoid";
    }

    @Override
    public String formula() {
        return "0 if x <= -1, 1 if x >= 1, else (x + 1) / 2";
    }

    @Override
    public float apply(float x) {
        return x <= -1 ? 0f : x >= 1 ? 1f : 0.5f * (x + 1);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.sparseSigmoid(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
