package org.jkeras.activations;

/** Keras {@code softsign}: x / (1 + |x|) (numpy backend nn.softsign; float arithmetic as Keras). */
public final class Softsign extends ElementwiseActivation {
    /** The {@code softsign} activation; it has no parameters. */
    public Softsign() {
    }

    @Override
    public String name() {
        return "softsign";
    }

    @Override
    public String formula() {
        return "x / (1 + |x|)";
    }

    @Override
    public float apply(float x) {
        return x / (1f + Math.abs(x));
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.softsign(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
