package org.jkeras.activations;

/** Keras {@code silu} (alias {@code swish}): x · sigmoid(x) (numpy backend nn.silu), in float with {@link Sigmoid}'s sigmoid. */
public final class Silu extends ElementwiseActivation {
    /** The {@code silu} activation; it has no parameters. */
    public Silu() {
    }

    @Override
    public String name() {
        return "silu";
    }

    @Override
    public String formula() {
        return "x · sigmoid(x)";
    }

    @Override
    public float apply(float x) {
        return FloatExp.timesSigmoid(x, x);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? off + VectorKernels.expFamily(x, off, off, off, len, VectorKernels.SILU, 0f) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
