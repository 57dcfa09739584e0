package org.jkeras.activations;

/**
 * Keras {@code glu(x, axis=-1)}: [a, b] = split(x, 2) on the row, a · sigmoid(b) (numpy backend nn.glu); the
 * output row is half as wide. The width must be even, as Keras requires. In float, with {@link Sigmoid}'s sigmoid.
 */
public final class Glu extends Activation {
    /** The {@code glu} activation; it has no parameters. */
    public Glu() {
    }

    @Override
    public String name() {
        return "glu";
    }

    @Override
    public String formula() {
        return "a · sigmoid(b), [a, b] = split(x, 2)";
    }

    @Override
    public boolean isElementwise() {
        return false;
    }

    @Override
    public int outputWidth(int width) {
        if (width % 2 != 0) throw new IllegalArgumentException("glu splits the last axis in two; its size " + width + " is odd");
        return width / 2;
    }

    @Override
    public void referenceRows(float[] x, int off, int rows, int width) {
        int half = outputWidth(width);
        for (int r = 0; r < rows; r++) finish(x, off + r * width, off + r * half, half, 0);
    }

    @Override
    public void applyRows(float[] x, int off, int rows, int width) {
        if (!Simd.ENABLED) {
            referenceRows(x, off, rows, width);
            return;
        }
        int half = outputWidth(width);
        for (int r = 0; r < rows; r++) {
            int in = off + r * width, out = off + r * half;
            finish(x, in, out, half, VectorKernels.expFamily(x, in, in + half, out, half, VectorKernels.GLU, 0f));
        }
    }

    /** Output j = from..half−1 of the row at {@code in}, written at {@code out} (≤ in, so reads stay ahead). */
    private static void finish(float[] x, int in, int out, int half, int from) {
        for (int j = from; j < half; j++) x[out + j] = FloatExp.timesSigmoid(x[in + j], x[in + half + j]);
    }
}
