package org.jkeras.activations;

/**
 * Keras {@code softplus}: log(1 + e^x) (numpy backend: logaddexp(x, 0)), evaluated in double as
 * max(x, 0) + log1p(e^(−|x|)), exact for any |x| (e.g. 1e30).
 */
public final class Softplus extends ElementwiseActivation {
    /** The {@code softplus} activation; it has no parameters. */
    public Softplus() {
    }

    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String formula() {
        return "log(1 + exp(x))";
    }

    @Override
    public float apply(float x) {
        return (float) softplus(x);
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.softplus(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
