package org.jkeras.activations;

/**
 * Keras {@code softplus}: log(1 + e^x) (numpy backend: logaddexp(x, 0)), evaluated in float as
 * max(x, 0) + log1p(e^(−|x|)) ({@link FloatExp#log1pExpNegAbs}), finite for any finite x (e.g. 1e30), within 2 ulp.
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
        return Math.max(x, 0f) + FloatExp.log1pExpNegAbs(x);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.softplus(x, off, len, false) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
