package org.jkeras.activations;

/**
 * Keras {@code exponential}: e^x (ops.exp), in float ({@link FloatExp#exp}, within 1 ulp); e^88 = 1.65e38 is still a
 * finite float, e^89 overflows to +inf.
 */
public final class Exponential extends ElementwiseActivation {
    /** The {@code exponential} activation; it has no parameters. */
    public Exponential() {
    }

    @Override
    public String name() {
        return "exponential";
    }

    @Override
    public String formula() {
        return "exp(x)";
    }

    @Override
    public float apply(float x) {
        return FloatExp.exp(x);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.exp(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
