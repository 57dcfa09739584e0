package org.jkeras.activations;

/** Keras {@code mish}: x · tanh(softplus(x)) (activations.Mish.static_call), in double. */
public final class Mish extends ElementwiseActivation {
    /** The {@code mish} activation; it has no parameters. */
    public Mish() {
    }

    @Override
    public String name() {
        return "mish";
    }

    @Override
    public String formula() {
        return "x · tanh(softplus(x))";
    }

    @Override
    public float apply(float x) {
        return (float) (x * Math.tanh(Softplus.softplus(x)));
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.mish(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
