package org.jkeras.activations;

/** Keras {@code hard_tanh}: clip(x, −1, 1) (numpy backend nn.hard_tanh). */
public final class HardTanh extends ElementwiseActivation {
    /** The {@code hard_tanh} activation; it has no parameters. */
    public HardTanh() {
    }

    @Override
    public String name() {
        return "hard_tanh";
    }

    @Override
    public String formula() {
        return "clip(x, -1, 1)";
    }

    @Override
    public float apply(float x) {
        return Math.min(Math.max(x, -1f), 1f);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.clip(x, off, len, -1f, 1f) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
