package org.jkeras.activations;

/**
 * Keras {@code mish}: x · tanh(softplus(x)) (activations.Mish.static_call), in float as x·n/(n + 2),
 * n = (1 + e^x)² − 1 ({@link FloatExp#mish}: one exponential, no tanh or log), within 4 ulp (3.57 measured).
 */
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
        return FloatExp.mish(x);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.mish(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
