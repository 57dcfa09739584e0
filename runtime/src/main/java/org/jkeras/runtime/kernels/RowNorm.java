package org.jkeras.runtime.kernels;

import org.jkeras.activations.Simd;

/**
 * The last step of a layer normalisation over rows of {@code n} floats, given a row's mean and {@code inv =
 * 1/sqrt(var + eps)}, in float32 as Keras' {@code ops.layer_normalization}:
 * <pre>
 *   sc = inv · gamma[i];   y[i] = x[i] · sc + (−mean · sc + beta[i])          (rms: y[i] = x[i] · inv · gamma[i])
 * </pre>
 * with a missing gamma read as {@code sc = inv} and a missing beta not added. The vector loop does the same
 * operations in the same order (no FMA), so both paths give the same bits. y may be x.
 */
public final class RowNorm {
    private RowNorm() {
    }

    public static void normalize(float[] x, int xo, float[] y, int yo, int n, float mean, float inv, float[] gamma, float[] beta, boolean rms) {
        normalize(x, xo, y, yo, n, mean, inv, gamma, beta, rms, Simd.ENABLED);
    }

    /** {@code simd} false runs the scalar loop alone: tests hold both paths to the same bits. */
    static void normalize(float[] x, int xo, float[] y, int yo, int n, float mean, float inv, float[] gamma, float[] beta, boolean rms, boolean simd) {
        int i = simd && gamma != null && (rms || beta != null) ? RowNormVector.normalize(x, xo, y, yo, n, mean, inv, gamma, beta, rms) : 0;
        if (rms) {
            for (; i < n; i++) {
                float o = x[xo + i] * inv;
                y[yo + i] = gamma == null ? o : o * gamma[i];
            }
            return;
        }
        for (; i < n; i++) {
            float sc = gamma == null ? inv : inv * gamma[i];
            float res = -mean * sc;
            if (beta != null) res += beta[i];
            y[yo + i] = x[xo + i] * sc + res;
        }
    }
}
