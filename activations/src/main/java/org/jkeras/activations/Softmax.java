package org.jkeras.activations;

/**
 * Keras {@code softmax(x, axis=-1)}: e = exp(x − max(x)), e / Σe over the row (numpy backend nn.softmax). Like
 * Keras, e is kept as float32 and normalised after: e in float ({@link FloatExp#expNonPositive}, within 1 ulp),
 * Σe in double, e / (float) Σe. Like Keras' numpy backend, a row that is all −inf, or holds +inf or NaN, comes out
 * all NaN (x − max is then inf − inf or NaN).
 */
public final class Softmax extends Activation {
    /** The {@code softmax} activation; it has no parameters. */
    public Softmax() {
    }

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public String formula() {
        return "exp(x - max(x)) / sum(exp(x - max(x)))";
    }

    @Override
    public boolean isElementwise() {
        return false;
    }

    @Override
    public void referenceRows(float[] x, int off, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int start = off + r * width, end = start + width;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) max = Math.max(max, x[i]);
            double sum = 0;
            for (int i = start; i < end; i++) {
                x[i] = FloatExp.expNonPositive(x[i] - max);
                sum += x[i];
            }
            float s = (float) sum;
            for (int i = start; i < end; i++) x[i] = x[i] / s;
        }
    }

    @Override
    public void applyRows(float[] x, int off, int rows, int width) {
        if (!Simd.ENABLED) {
            referenceRows(x, off, rows, width);
            return;
        }
        for (int r = 0; r < rows; r++) VectorKernels.softmaxRow(x, off + r * width, width);
    }
}
