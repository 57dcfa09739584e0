package org.jkeras.activations;

/** Keras {@code relu6}: min(max(x, 0), 6) (numpy backend nn.relu6). */
public final class Relu6 extends ElementwiseActivation {
    /** The {@code relu6} activation; it has no parameters. */
    public Relu6() {
    }

    @Override
    public String name() {
        return "relu6";
    }

    @Override
    public String formula() {
        return "min(max(x, 0), 6)";
    }

    @Override
    public float apply(float x) {
        return Math.min(Math.max(x, 0f), 6f);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.clip(x, off, len, 0f, 6f) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
