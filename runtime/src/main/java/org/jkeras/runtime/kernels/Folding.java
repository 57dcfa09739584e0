package org.jkeras.runtime.kernels;

/**
 * Folds a per-channel affine map {@code y·scale + shift} (an inference BatchNormalization) into packed kernel
 * weights laid out as panels: {@code (panels, rows, width)} from an offset, output column
 * {@code panel·width + j}, padding columns zero.
 */
final class Folding {
    private Folding() {
    }

    /** {@code dst[dst0 + i] = src[src0 + i] · scale[column(i)]} over the packed region; padding stays 0. */
    static void scalePanels(float[] src, int src0, float[] dst, int dst0, int panels, int rows, int width, int columns, float[] scale) {
        for (int p = 0; p < panels; p++) {
            int n0 = p * width, cols = Math.min(width, columns - n0);
            for (int r = 0; r < rows; r++) {
                int at = (p * rows + r) * width;
                for (int j = 0; j < cols; j++) dst[dst0 + at + j] = src[src0 + at + j] * scale[n0 + j];
            }
        }
    }

    /** {@code bias·scale + shift} for the first {@code columns} entries; padding stays 0. */
    static float[] scaleBias(float[] bias, int columns, float[] scale, float[] shift) {
        float[] b = new float[bias.length];
        for (int n = 0; n < columns; n++) b[n] = bias[n] * scale[n] + shift[n];
        return b;
    }
}
