package org.jkeras.activations;

/**
 * Keras {@code log_softmax(x, axis=-1)}: (x − max) − log Σ exp(x − max) over the row (numpy backend
 * nn.log_softmax). The log-sum is taken as log(c) + log1p(Σ_{x&lt;max} exp(x − max) / c), c = number of maxima,
 * so a dominant logit keeps its tiny negative value. Rows with +inf, NaN or only −inf give NaN, as in Keras.
 */
public final class LogSoftmax extends Activation {
    /** The {@code log_softmax} activation; it has no parameters. */
    public LogSoftmax() {
    }

    @Override
    public String name() {
        return "log_softmax";
    }

    @Override
    public String formula() {
        return "x - max(x) - log(sum(exp(x - max(x))))";
    }

    @Override
    public boolean isElementwise() {
        return false;
    }

    @Override
    public void referenceRows(float[] x, int off, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int start = off + r * width, end = start + width, atMax = 0;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) max = Math.max(max, x[i]);
            double rest = 0;
            for (int i = start; i < end; i++) {
                float d = x[i] - max;
                if (d == 0) atMax++;
                else rest += Math.exp(d);
            }
            double lse = logSumExp(atMax, rest);
            for (int i = start; i < end; i++) x[i] = (float) ((double) (x[i] - max) - lse);
        }
    }

    /** log(atMax + rest) for atMax terms equal to 1 and the others summing to rest. */
    static double logSumExp(int atMax, double rest) {
        return Math.log(atMax) + Math.log1p(rest / atMax);
    }

    @Override
    public void applyRows(float[] x, int off, int rows, int width) {
        if (!Simd.ENABLED) {
            referenceRows(x, off, rows, width);
            return;
        }
        for (int r = 0; r < rows; r++) VectorKernels.logSoftmaxRow(x, off + r * width, width);
    }
}
