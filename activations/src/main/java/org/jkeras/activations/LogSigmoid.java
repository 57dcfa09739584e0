package org.jkeras.activations;

/**
 * Keras {@code log_sigmoid}: −softplus(−x) (numpy backend nn.log_sigmoid), in float as min(x, 0) − log1p(e^(−|x|))
 * ({@link FloatExp#log1pExpNegAbs}), within 2 ulp.
 */
public final class LogSigmoid extends ElementwiseActivation {
    /** The {@code log_sigmoid} activation; it has no parameters. */
    public LogSigmoid() {
    }

    @Override
    public String name() {
        return "log_sigmoid";
    }

    @Override
    public String formula() {
        return "-softplus(-x)";
    }

    @Override
    public float apply(float x) {
        return Math.min(x, 0f) - FloatExp.log1pExpNegAbs(x);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.softplus(x, off, len, true) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
