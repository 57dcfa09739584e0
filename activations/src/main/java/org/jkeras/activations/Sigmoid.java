package org.jkeras.activations;

/**
 * Keras {@code sigmoid}: 1 / (1 + e^(−x)) (numpy backend nn.sigmoid), evaluated in double as
 * (x &lt; 0 ? e : 1) / (1 + e) with e = e^(−|x|), which never overflows.
 */
public final class Sigmoid extends ElementwiseActivation {
    /** The {@code sigmoid} activation; it has no parameters. */
    public Sigmoid() {
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String formula() {
        return "1 / (1 + exp(-x))";
    }

    @Override
    public float apply(float x) {
        return (float) sigmoid(x);
    }

    static double sigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        return (x < 0 ? e : 1) / (1 + e);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.sigmoid(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
