package org.jkeras.activations;

/** Keras {@code log_sigmoid}: −softplus(−x) (numpy backend nn.log_sigmoid), in double as min(x, 0) − log1p(e^(−|x|)). */
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
        return (float) (Math.min(x, 0) - Math.log1p(Math.exp(-Math.abs(x))));
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.logSigmoid(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
