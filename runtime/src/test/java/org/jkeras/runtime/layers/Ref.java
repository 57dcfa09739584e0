package org.jkeras.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Independent plain-loop references for the spatial layers, written from the Keras/TensorFlow definitions (no
 * runtime code reused). Arrays are channels last, three spatial axes {@code (d, h, w)} (1-D and 2-D use leading
 * extents of 1); {@link #toChannelsFirst} builds the other layout.
 */
final class Ref {
    private Ref() {
    }

    static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) (r.nextGaussian());
        return a;
    }

    /** {out, padBefore} of a window of extent {@code k} (dilated) and stride {@code s} on {@code n} cells, TensorFlow rules. */
    static int[] outPad(String mode, int n, int k, int s) {
        switch (mode) {
            case "valid": return new int[] {(n - k) / s + 1, 0};
            case "same": {
                int out = (n + s - 1) / s;
                return new int[] {out, Math.max((out - 1) * s + k - n, 0) / 2};
            }
            case "causal": return new int[] {(n + s - 1) / s, k - 1};
            default: throw new IllegalArgumentException(mode);
        }
    }

    /**
     * Keras Conv: {@code y[o][co] = b[co] + Σ x[o·s − pad + j·d][g·cinG + ci] · w[j][ci][co]}, group g = co / coutG.
     * x (B, in3..., cin); w (k3..., cin/groups, cout); returns y (B, out3..., cout) and fills {@code outDims}.
     */
    static double[] conv(float[] x, int batch, int[] in, int cin, float[] w, float[] b, int[] k, int[] s, int[] d, String mode, int groups,
                         int cout, int[] outDims) {
        int[] pad = new int[3];
        for (int a = 0; a < 3; a++) {
            int[] op = outPad(mode, in[a], (k[a] - 1) * d[a] + 1, s[a]);
            outDims[a] = op[0];
            pad[a] = op[1];
        }
        int cinG = cin / groups, coutG = cout / groups;
        double[] y = new double[batch * outDims[0] * outDims[1] * outDims[2] * cout];
        for (int n = 0; n < batch; n++)
            for (int oz = 0; oz < outDims[0]; oz++)
                for (int oy = 0; oy < outDims[1]; oy++)
                    for (int ox = 0; ox < outDims[2]; ox++)
                        for (int co = 0; co < cout; co++) {
                            int g = co / coutG;
                            double acc = b == null ? 0 : b[co];
                            for (int jz = 0; jz < k[0]; jz++)
                                for (int jy = 0; jy < k[1]; jy++)
                                    for (int jx = 0; jx < k[2]; jx++) {
                                        int iz = oz * s[0] - pad[0] + jz * d[0], iy = oy * s[1] - pad[1] + jy * d[1], ix = ox * s[2] - pad[2] + jx * d[2];
                                        if (iz < 0 || iz >= in[0] || iy < 0 || iy >= in[1] || ix < 0 || ix >= in[2]) continue;
                                        for (int ci = 0; ci < cinG; ci++) {
                                            double xv = x[(((n * in[0] + iz) * in[1] + iy) * in[2] + ix) * cin + g * cinG + ci];
                                            double wv = w[(((jz * k[1] + jy) * k[2] + jx) * cinG + ci) * cout + co];
                                            acc += xv * wv;
                                        }
                                    }
                            y[(((n * outDims[0] + oz) * outDims[1] + oy) * outDims[2] + ox) * cout + co] = acc;
                        }
        return y;
    }

    /**
     * Keras ConvTranspose by scattering: every input cell i adds {@code x[i]·w[j]} at {@code o = i·s + j·d − pad}.
     * Per axis, Keras' deconv_output_length and TensorFlow's padding for it. w (k3..., cout, cin).
     */
    static double[] convTranspose(float[] x, int batch, int[] in, int cin, float[] w, float[] b, int[] k, int[] s, int[] d, String mode,
                                  int[] outputPadding, int cout, int[] outDims) {
        int[] pad = new int[3];
        for (int a = 0; a < 3; a++) {
            int ke = (k[a] - 1) * d[a] + 1, n = in[a], p = outputPadding == null ? -1 : outputPadding[a];
            if (p < 0) outDims[a] = mode.equals("valid") ? n * s[a] + Math.max(ke - s[a], 0) : n * s[a];
            else outDims[a] = mode.equals("valid") ? (n - 1) * s[a] + ke + p : (n - 1) * s[a] + ke - 2 * (ke / 2) + p;
            pad[a] = mode.equals("valid") ? 0 : Math.max((n - 1) * s[a] + ke - outDims[a], 0) / 2;
        }
        double[] y = new double[batch * outDims[0] * outDims[1] * outDims[2] * cout];
        for (int n = 0; n < batch; n++) {
            for (int i = 0; i < y.length / batch; i++) y[n * (y.length / batch) + i] = b == null ? 0 : b[i % cout];
            for (int iz = 0; iz < in[0]; iz++)
                for (int iy = 0; iy < in[1]; iy++)
                    for (int ix = 0; ix < in[2]; ix++)
                        for (int jz = 0; jz < k[0]; jz++)
                            for (int jy = 0; jy < k[1]; jy++)
                                for (int jx = 0; jx < k[2]; jx++) {
                                    int oz = iz * s[0] + jz * d[0] - pad[0], oy = iy * s[1] + jy * d[1] - pad[1], ox = ix * s[2] + jx * d[2] - pad[2];
                                    if (oz < 0 || oz >= outDims[0] || oy < 0 || oy >= outDims[1] || ox < 0 || ox >= outDims[2]) continue;
                                    for (int co = 0; co < cout; co++)
                                        for (int ci = 0; ci < cin; ci++) {
                                            y[(((n * outDims[0] + oz) * outDims[1] + oy) * outDims[2] + ox) * cout + co] +=
                                                    (double) x[(((n * in[0] + iz) * in[1] + iy) * in[2] + ix) * cin + ci]
                                                            * w[(((jz * k[1] + jy) * k[2] + jx) * cout + co) * cin + ci];
                                        }
                                }
        }
        return y;
    }

    /** (B, vol, C) → (B, C, vol). */
    static float[] toChannelsFirst(float[] x, int batch, int vol, int c) {
        float[] y = new float[x.length];
        for (int n = 0; n < batch; n++) for (int p = 0; p < vol; p++) for (int ch = 0; ch < c; ch++) y[(n * c + ch) * vol + p] = x[(n * vol + p) * c + ch];
        return y;
    }

    static double[] toChannelsFirst(double[] x, int batch, int vol, int c) {
        double[] y = new double[x.length];
        for (int n = 0; n < batch; n++) for (int p = 0; p < vol; p++) for (int ch = 0; ch < c; ch++) y[(n * c + ch) * vol + p] = x[(n * vol + p) * c + ch];
        return y;
    }

    /** A tensor (B, spatial of rank r, C) or (B, C, spatial) from channels-last data over three spatial dims. */
    static Tensor tensor(float[] cl, int batch, int[] sp3, int c, int rank, boolean cf) {
        int vol = sp3[0] * sp3[1] * sp3[2];
        return new Tensor(shape(batch, sp3, c, rank, cf), cf ? toChannelsFirst(cl, batch, vol, c) : cl);
    }

    static Shape shape(int batch, int[] sp3, int c, int rank, boolean cf) {
        int[] d = new int[rank + 2];
        d[0] = batch;
        for (int a = 0; a < rank; a++) d[cf ? a + 2 : a + 1] = sp3[3 - rank + a];
        d[cf ? 1 : rank + 1] = c;
        return Shape.of(d);
    }

    static int[] last(int rank, int... v) {
        int[] a = {1, 1, 1};
        System.arraycopy(v, 0, a, 3 - rank, rank);
        return a;
    }

    static int[] head(int[] a3, int rank) {
        return java.util.Arrays.copyOfRange(a3, 3 - rank, 3);
    }

    static void assertClose(String what, Shape expectedShape, double[] expected, Tensor actual, double tol) {
        assertArrayEquals(expectedShape.dims(), actual.shape().dims(), what + ": shape");
        float[] a = actual.data();
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= tol * (1 + Math.abs(expected[i])))) {
                fail(what + ": flat index " + i + ": actual " + a[i] + ", expected " + expected[i]);
            }
        }
    }
}
