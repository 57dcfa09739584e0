package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Relu;
import org.jkeras.activations.Simd;

import org.junit.jupiter.api.Test;

/**
 * {@link ConvKernel} gives the very bits of the Dense kernel on an im2col matrix built here by plain loops,
 * whatever the thread count and however the rows are cut into blocks; its direct form (vector and scalar) gives
 * the bits of plain loops over the taps.
 */
class ConvKernelTest {
    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    @Test
    void sameBitsAsDenseOnExplicitIm2col() {
        int batch = 3, h = 30, w = 40, cin = 5, cout = 20, kh = 3, kw = 3, s = 2; // same, stride 2; wider than a vector (narrow Dense layers sum in 4 parts)
        int oh = (h + s - 1) / s, ow = (w + s - 1) / s;
        int padH = Math.max((oh - 1) * s + kh - h, 0) / 2, padW = Math.max((ow - 1) * s + kw - w, 0) / 2;
        float[] x = random(batch * h * w * cin, 1), kernel = random(kh * kw * cin * cout, 2), bias = random(cout, 3);
        int width = kh * kw * cin, rows = batch * oh * ow;
        float[] col = new float[rows * width];
        for (int b = 0, r = 0; b < batch; b++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++, r++)
                    for (int a = 0; a < kh; a++)
                        for (int c = 0; c < kw; c++) {
                            int y = i * s - padH + a, xx = j * s - padW + c;
                            if (y < 0 || y >= h || xx < 0 || xx >= w) continue;
                            for (int ci = 0; ci < cin; ci++) col[r * width + (a * kw + c) * cin + ci] = x[((b * h + y) * w + xx) * cin + ci];
                        }
        float[] expected = new float[rows * cout];
        DenseKernel.pack(kernel, bias, width, cout, TestActivations.RELU).forward(col, 0, expected, 0, rows);

        ConvKernel conv = ConvKernel.pack(kernel, bias, new int[] {1, kh, kw}, new int[] {1, s, s}, new int[] {1, 1, 1}, cin, cout, 1, TestActivations.RELU);
        ConvKernel.Geometry g = new ConvKernel.Geometry(new int[] {1, h, w}, new int[] {1, oh, ow}, new int[] {0, padH, padW});
        int before = Parallel.threads();
        try {
            for (int threads : new int[] {1, 2, 3}) {
                Parallel.setThreads(threads);
                assertArrayEquals(expected, conv.forward(x, batch, g), threads + " thread(s)");
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** kernel (d, h, w), stride, dilation, input (d, h, w), cin, cout, 'same' (else valid), batch. */
    private record Case(int[] k, int[] s, int[] dil, int[] in, int cin, int cout, boolean same, int batch) {
    }

    @Test
    void directFormSameBitsAsPlainLoops() {
        Case[] cases = {
            new Case(new int[] {1, 3, 3}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {1, 28, 28}, 1, 32, false, 3), // the CNN's first layer
            new Case(new int[] {1, 3, 3}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, new int[] {1, 13, 11}, 3, 16, true, 2),
            new Case(new int[] {1, 5, 5}, new int[] {1, 2, 2}, new int[] {1, 1, 1}, new int[] {1, 17, 20}, 2, 7, true, 2),
            new Case(new int[] {1, 3, 3}, new int[] {1, 2, 1}, new int[] {1, 1, 2}, new int[] {1, 15, 16}, 5, 40, false, 1),
            new Case(new int[] {1, 3, 2}, new int[] {1, 1, 1}, new int[] {1, 2, 1}, new int[] {1, 9, 9}, 4, 100, true, 5),
            new Case(new int[] {1, 1, 5}, new int[] {1, 1, 1}, new int[] {1, 1, 3}, new int[] {1, 1, 30}, 6, 24, true, 3), // 1-D, dilated
            new Case(new int[] {2, 3, 3}, new int[] {1, 1, 2}, new int[] {1, 1, 1}, new int[] {4, 7, 8}, 3, 64, true, 2),  // 3-D
            new Case(new int[] {1, 2, 2}, new int[] {1, 2, 2}, new int[] {1, 1, 1}, new int[] {1, 8, 8}, 8, 33, false, 4),
        };
        Activation[] acts = {null, new Relu(0f, Float.NaN, 0f), new Relu(0.1f, 6f, 0f), TestActivations.PLUS_ONE};
        int before = Parallel.threads(), n = 0;
        try {
            for (Case c : cases) {
                int[] out = new int[3], pad = new int[3];
                for (int a = 0; a < 3; a++) {
                    int eff = (c.k[a] - 1) * c.dil[a] + 1;
                    out[a] = c.same ? (c.in[a] + c.s[a] - 1) / c.s[a] : (c.in[a] - eff) / c.s[a] + 1;
                    pad[a] = c.same ? Math.max((out[a] - 1) * c.s[a] + eff - c.in[a], 0) / 2 : 0;
                }
                ConvKernel.Geometry g = new ConvKernel.Geometry(c.in, out, pad);
                int taps = c.k[0] * c.k[1] * c.k[2] * c.cin;
                float[] x = random(c.batch * g.inVolume() * c.cin, 10 + n), kernel = random(taps * c.cout, 20 + n);
                for (Activation act : acts) {
                    float[] bias = act == null ? null : random(c.cout, 30 + n);
                    float[] expected = plain(x, kernel, bias, c, g, act);
                    if (c.cout > 16) { // the im2col form too (narrower layers sum in four parts there, see DenseKernel)
                        assertArrayEquals(expected, ConvKernel.pack(kernel, bias, c.k, c.s, c.dil, c.cin, c.cout, 1, act, false).forward(x, c.batch, g));
                    }
                    ConvKernel direct = ConvKernel.pack(kernel, bias, c.k, c.s, c.dil, c.cin, c.cout, 1, act, true);
                    String what = "case " + n + ", " + (act == null ? "linear, no bias" : act.formula());
                    for (int threads : new int[] {1, 2, 3}) {
                        Parallel.setThreads(threads);
                        assertArrayEquals(expected, direct.forward(x, c.batch, g, Simd.ENABLED), what + ", " + threads + " thread(s)");
                    }
                    assertArrayEquals(expected, direct.forward(x, c.batch, g, false), what + ", scalar");
                }
                n++;
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** acc = fma over the taps in (kd, kh, kw, ci) order, padding reading 0; then + bias and the activation. */
    private static float[] plain(float[] x, float[] kernel, float[] bias, Case c, ConvKernel.Geometry g, Activation act) {
        int[] in = g.in(), out = g.out(), pad = g.pad();
        float[] y = new float[c.batch * g.outVolume() * c.cout];
        for (int b = 0, q = 0; b < c.batch; b++)
            for (int oz = 0; oz < out[0]; oz++)
                for (int oy = 0; oy < out[1]; oy++)
                    for (int ox = 0; ox < out[2]; ox++, q++)
                        for (int co = 0; co < c.cout; co++) {
                            float acc = 0f;
                            for (int kz = 0, t = 0; kz < c.k[0]; kz++)
                                for (int ky = 0; ky < c.k[1]; ky++)
                                    for (int kx = 0; kx < c.k[2]; kx++)
                                        for (int ci = 0; ci < c.cin; ci++, t++) {
                                            int iz = oz * c.s[0] - pad[0] + kz * c.dil[0], iy = oy * c.s[1] - pad[1] + ky * c.dil[1], ix = ox * c.s[2] - pad[2] + kx * c.dil[2];
                                            boolean inside = iz >= 0 && iz < in[0] && iy >= 0 && iy < in[1] && ix >= 0 && ix < in[2];
                                            float v = inside ? x[(((b * in[0] + iz) * in[1] + iy) * in[2] + ix) * c.cin + ci] : 0f;
                                            acc = Math.fma(v, kernel[t * c.cout + co], acc);
                                        }
                            float v = bias == null ? acc : acc + bias[co];
                            y[q * c.cout + co] = act == null ? v : ((org.jkeras.activations.ElementwiseActivation) act).apply(v);
                        }
        return y;
    }
}
