package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link ConvKernel} gives the very bits of the Dense kernel on an im2col matrix built here by plain loops,
 * whatever the thread count and however the rows are cut into blocks.
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
        int batch = 3, h = 30, w = 40, cin = 5, cout = 7, kh = 3, kw = 3, s = 2; // same, stride 2
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
}
