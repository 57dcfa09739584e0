package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link PoolKernel}: the Vector API path gives the scalar loop's bits (NaN and −0 included), and both give
 * plain per-window loops written here; a floor of 0 equals a ReLU before the max.
 */
class PoolKernelTest {
    @Test
    void vectorScalarAndPlainLoopsAgree() {
        Random r = new Random(5);
        int[][] shapes = {{1, 9, 11, 32}, {2, 7, 8, 20}, {1, 6, 6, 7}, {3, 5, 9, 48}}; // d, h, w, c
        for (int[] sh : shapes) {
            int d = sh[0], h = sh[1], w = sh[2], c = sh[3];
            float[] x = new float[d * h * w * c];
            for (int i = 0; i < x.length; i++) x[i] = i % 97 == 0 ? Float.NaN : i % 89 == 0 ? -0f : (float) r.nextGaussian();
            for (int[] win : new int[][] {{1, 2, 2, 1, 2, 2}, {1, 3, 3, 1, 2, 2}, {2, 2, 3, 1, 1, 2}}) {
                int[] size = {Math.min(win[0], d), win[1], win[2]}, stride = {win[3], win[4], win[5]};
                for (boolean same : new boolean[] {false, true}) {
                    int[] out = new int[3], pad = new int[3], in = {d, h, w};
                    for (int a = 0; a < 3; a++) {
                        out[a] = same ? (in[a] + stride[a] - 1) / stride[a] : (in[a] - size[a]) / stride[a] + 1;
                        pad[a] = same ? Math.max((out[a] - 1) * stride[a] + size[a] - in[a], 0) / 2 : 0;
                    }
                    ConvKernel.Geometry g = new ConvKernel.Geometry(in, out, pad);
                    int lines = out[0] * out[1], n = out[0] * out[1] * out[2] * c;
                    for (boolean max : new boolean[] {true, false}) {
                        PoolKernel k = new PoolKernel(size, stride, max);
                        float[] plain = plain(x, in, c, size, stride, pad, out, max, false);
                        float[] vector = new float[n], scalar = new float[n];
                        k.lines(x, 0, vector, 0, c, g, 0, lines, Float.NEGATIVE_INFINITY, true);
                        k.lines(x, 0, scalar, 0, c, g, 0, lines, Float.NEGATIVE_INFINITY, false);
                        String what = java.util.Arrays.toString(sh) + " window " + java.util.Arrays.toString(win) + (same ? " same" : " valid") + (max ? " max" : " avg");
                        assertArrayEquals(plain, vector, what + ", vector");
                        assertArrayEquals(plain, scalar, what + ", scalar");
                        if (max) {
                            float[] relu = plain(x, in, c, size, stride, pad, out, true, true);
                            k.lines(x, 0, vector, 0, c, g, 0, lines, 0f, true);
                            assertArrayEquals(relu, vector, what + ", floor 0");
                        }
                    }
                }
            }
        }
    }

    /** Per output cell and channel over the window's cells inside the input; relu: Math.max(v, 0) on each cell first. */
    private static float[] plain(float[] x, int[] in, int c, int[] size, int[] stride, int[] pad, int[] out, boolean max, boolean relu) {
        float[] y = new float[out[0] * out[1] * out[2] * c];
        for (int oz = 0; oz < out[0]; oz++)
            for (int oy = 0; oy < out[1]; oy++)
                for (int ox = 0; ox < out[2]; ox++)
                    for (int ch = 0; ch < c; ch++) {
                        float acc = max ? Float.NEGATIVE_INFINITY : 0f;
                        int count = 0;
                        for (int z = oz * stride[0] - pad[0]; z < oz * stride[0] - pad[0] + size[0]; z++)
                            for (int yy = oy * stride[1] - pad[1]; yy < oy * stride[1] - pad[1] + size[1]; yy++)
                                for (int xx = ox * stride[2] - pad[2]; xx < ox * stride[2] - pad[2] + size[2]; xx++) {
                                    if (z < 0 || z >= in[0] || yy < 0 || yy >= in[1] || xx < 0 || xx >= in[2]) continue;
                                    float v = x[((z * in[1] + yy) * in[2] + xx) * c + ch];
                                    if (relu) v = Math.max(v, 0f);
                                    acc = max ? Math.max(acc, v) : acc + v;
                                    count++;
                                }
                        y[((oz * out[1] + oy) * out[2] + ox) * c + ch] = max ? acc : acc / count;
                    }
        return y;
    }
}
