package org.jkeras.activations;

/**
 * A Keras activation with its parameters bound (e.g. {@code leaky_relu} with its slope, {@code hard_sigmoid}
 * with the formula of the model's Keras generation). Immutable and thread-safe.
 *
 * <p>Every activation works on rows: a row is the last axis of a tensor, {@code width} contiguous floats.
 * Elementwise activations ({@link ElementwiseActivation}) treat every float alike; rowwise ones (softmax,
 * log_softmax, sparsemax, glu) need the whole row.
 *
 * <p>Two forms: {@link #referenceRows} is the scalar reference (plain loops; double precision, or for the sigmoid
 * family, gelu and softmax's exponential float polynomials within a few ulp, as TensorFlow's float kernels) and
 * {@link #applyRows} the batched in-place form used by the kernels, vectorised where that pays.
 * Tests hold the two to agree.
 */
public abstract class Activation {

    /** For subclasses, which define at least {@link #name}, {@link #formula}, {@link #isElementwise} and {@link #referenceRows}. */
    protected Activation() {
    }

    /** Canonical Keras name, e.g. {@code "relu"}, {@code "hard_sigmoid"}. */
    public abstract String name();

    /** The formula with its bound parameters, for {@code inspect}: e.g. {@code "clip(0.2x + 0.5, 0, 1) (Keras 1/2)"}. */
    public abstract String formula();

    /** True when every element is transformed on its own (so the kernels may apply it to any run of floats). */
    public abstract boolean isElementwise();

    /** True for {@code linear}: kernels skip it. */
    public boolean isIdentity() {
        return false;
    }

    /** Width of an output row for an input row of {@code width}; only {@code glu} differs (width / 2). */
    public int outputWidth(int width) {
        return width;
    }

    /**
     * Scalar reference, in place: {@code rows} rows of {@code width} floats from {@code off}. Output rows are
     * written packed ({@link #outputWidth} apart) from {@code off}.
     */
    public abstract void referenceRows(float[] x, int off, int rows, int width);

    /** Batched in-place form used by the kernels; same contract and same results as {@link #referenceRows}. */
    public void applyRows(float[] x, int off, int rows, int width) {
        referenceRows(x, off, rows, width);
    }

    @Override
    public String toString() {
        return name();
    }
}
