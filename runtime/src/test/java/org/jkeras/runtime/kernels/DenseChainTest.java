package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.activations.Simd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DenseChain and the kernels' rows form against DenseKernel.forward layer by layer, bit for bit. */
class DenseChainTest {
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /** Layers of the given widths (in, hidden..., out), hidden activations {@code hidden}, last {@code last}. */
    static List<DenseKernel> chain(SplittableRandom rnd, int[] widths, Activation hidden, Activation last) {
        List<DenseKernel> ks = new ArrayList<>();
        int in = widths[0];
        for (int i = 1; i < widths.length; i++) {
            Activation act = i == widths.length - 1 ? last : hidden;
            int units = widths[i];
            DenseKernel d = DenseKernel.pack(DenseKernelTest.random(rnd, in * units), (i & 1) == 0 ? null : DenseKernelTest.random(rnd, units), in, units, act);
            ks.add(d);
            in = d.outputWidth();
        }
        return ks;
    }

    /** The layers one after the other through DenseKernel.forward (contiguous form, its own split). */
    static float[] layerByLayer(List<DenseKernel> ks, float[] x, int rows) {
        float[] cur = x;
        for (DenseKernel d : ks) {
            float[] y = new float[rows * d.outputWidth()];
            d.forward(cur, 0, y, 0, rows);
            cur = y;
        }
        return cur;
    }

    static float[][] rowsOf(float[] flat, int rows, int width) {
        float[][] r = new float[rows][];
        for (int i = 0; i < rows; i++) r[i] = Arrays.copyOfRange(flat, i * width, i * width + width);
        return r;
    }

    static float[] flat(float[][] rows) {
        int w = rows.length == 0 ? 0 : rows[0].length;
        float[] f = new float[rows.length * w];
        for (int i = 0; i < rows.length; i++) System.arraycopy(rows[i], 0, f, i * w, w);
        return f;
    }

    @Test
    void chainEqualsLayerByLayerForEveryBatchThreadCountAndEpilogue() {
        int[][] shapes = {{784, 512, 512, 10}, {37, 70, 33}, {20, 130, 64, 17, 5}, {100, 16}, {9, 1, 3}};
        Activation[][] acts = {{TestActivations.RELU, TestActivations.SOFTMAX}, {TestActivations.PLUS_ONE, null}, {null, TestActivations.GLU},
            {TestActivations.GLU, TestActivations.RELU}, {TestActivations.PLUS_ONE_BY_ROWS, TestActivations.PLUS_ONE_BY_ROWS}};
        int[] batches = {1, 2, 5, 6, 7, 13, 64, 97, 200, 1000};
        SplittableRandom rnd = new SplittableRandom(3);
        for (int[] shape : shapes) {
            for (Activation[] a : acts) {
                if (a[0] == TestActivations.GLU && Arrays.stream(shape, 1, shape.length - 1).anyMatch(u -> u % 2 != 0)) continue;
                if (a[1] == TestActivations.GLU && shape[shape.length - 1] % 2 != 0) continue;
                List<DenseKernel> ks = chain(rnd, shape, a[0], a[1]);
                DenseChain c = new DenseChain(ks);
                assertEquals(shape[0], c.inputSize());
                for (int rows : batches) {
                    if (shape[0] == 784 && rows == 1000 && a[0] != TestActivations.RELU) continue; // keep the test quick
                    float[] x = DenseKernelTest.random(rnd, rows * c.inputSize());
                    Parallel.setThreads(1);
                    float[] expected = layerByLayer(ks, x, rows);
                    for (int t : new int[] {1, 2, 3}) {
                        Parallel.setThreads(t);
                        String what = Arrays.toString(shape) + " " + a[0] + "/" + a[1] + " rows " + rows + " threads " + t;
                        float[] y = new float[rows * c.outputWidth() + 5];
                        Arrays.fill(y, -7f);
                        float[] xs = new float[x.length + 3];
                        System.arraycopy(x, 0, xs, 3, x.length);
                        c.forward(xs, 3, y, 2, rows);
                        assertArrayEquals(expected, Arrays.copyOfRange(y, 2, 2 + rows * c.outputWidth()), "contiguous " + what);
                        assertEquals(-7f, y[0]);
                        assertEquals(-7f, y[1]);
                        assertEquals(-7f, y[y.length - 3]);
                        float[][] out = c.forwardRows(rowsOf(x, rows, c.inputSize()));
                        assertEquals(rows, out.length);
                        for (float[] r : out) assertEquals(c.outputWidth(), r.length);
                        assertArrayEquals(expected, flat(out), "rows " + what);
                    }
                }
            }
        }
    }

    @Test
    void rowsFormEqualsContiguousFormOnBothPaths() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int[] s : new int[][] {{784, 512, 64}, {70, 130, 13}, {33, 10, 17}, {17, 129, 1}, {64, 16, 9}, {5, 3, 200}}) {
            int in = s[0], units = s[1], rows = s[2];
            for (Activation act : new Activation[] {null, TestActivations.RELU, Activations.relu(), TestActivations.SOFTMAX, TestActivations.GLU,
                    TestActivations.PLUS_ONE_BY_ROWS, Activations.gelu(false)}) {
                if (act == TestActivations.GLU && units % 2 != 0) continue;
                DenseKernel d = DenseKernel.pack(DenseKernelTest.random(rnd, in * units), DenseKernelTest.random(rnd, units), in, units, act);
                float[] x = DenseKernelTest.random(rnd, rows * in);
                float[] expected = DenseKernelTest.reference(unpack(d), d.b, in, units, x, rows, act);
                for (boolean simd : Simd.ENABLED ? new boolean[] {false, true} : new boolean[] {false}) {
                    // x rows read from column 2 of wider rows, y rows written from column 3
                    float[][] xr = new float[rows + 1][in + 4], yr = new float[rows + 2][d.outputWidth() + 5];
                    for (int r = 0; r < rows; r++) System.arraycopy(x, r * in, xr[r + 1], 2, in);
                    for (float[] row : yr) Arrays.fill(row, -7f);
                    d.forward(xr, 1, 2, yr, 2, 3, rows, simd);
                    float[] got = new float[rows * d.outputWidth()];
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(yr[r + 2], 3, got, r * d.outputWidth(), d.outputWidth());
                        for (int i = 0; i < 3; i++) assertEquals(-7f, yr[r + 2][i], "wrote before the row");
                        assertEquals(-7f, yr[r + 2][3 + d.outputWidth()], "wrote past the row");
                    }
                    float[] untouched = new float[d.outputWidth() + 5];
                    Arrays.fill(untouched, -7f);
                    assertArrayEquals(untouched, yr[0], "wrote another row");
                    assertArrayEquals(untouched, yr[1], "wrote another row");
                    assertArrayEquals(expected, got, Arrays.toString(s) + " " + act + " simd " + simd);
                    assertArrayEquals(expected, DenseKernelTest.run(d, x, rows, simd), "contiguous " + Arrays.toString(s) + " " + act + " simd " + simd);
                }
            }
        }
    }

    /** The packed weights back in Keras' (in, units) layout. */
    static float[] unpack(DenseKernel d) {
        float[] k = new float[d.in * d.units];
        for (int n = 0; n < d.units; n++) {
            for (int i = 0; i < d.in; i++) k[i * d.units + n] = d.w[d.w0 + (n / d.panel) * d.in * d.panel + i * d.panel + n % d.panel];
        }
        return k;
    }

    @Test
    void plainReluAppliedInRegistersEqualsMathMax() {
        SplittableRandom rnd = new SplittableRandom(8);
        Activation relu = Activations.relu(), capped = Activations.relu(0f, 6f, 0f), leaky = Activations.relu(0.1f, Float.NaN, 0f);
        for (Activation act : new Activation[] {relu, capped, leaky}) {
            for (int[] s : new int[][] {{784, 512, 64}, {31, 70, 9}, {12, 5, 20}, {64, 300, 1}}) {
                int in = s[0], units = s[1], rows = s[2];
                float[] kernel = DenseKernelTest.random(rnd, in * units), bias = DenseKernelTest.random(rnd, units), x = DenseKernelTest.random(rnd, rows * in);
                x[0] = -0f;
                DenseKernel d = DenseKernel.pack(kernel, bias, in, units, act);
                float[] expected = DenseKernelTest.reference(kernel, bias, in, units, x, rows, act);
                for (boolean simd : Simd.ENABLED ? new boolean[] {false, true} : new boolean[] {false}) {
                    assertArrayEquals(expected, DenseKernelTest.run(d, x, rows, simd), act.formula() + " " + Arrays.toString(s) + " simd " + simd);
                }
            }
        }
    }

    @Test
    void packedWeightsStartOnACacheLineWhenTheAddressIsKnown() {
        DenseKernel d = DenseKernel.pack(new float[784 * 512], null, 784, 512, null);
        assertTrue(d.w0 >= 0 && d.w0 < 16, "offset " + d.w0);
        assertTrue(d.w.length >= d.w0 + d.panels * d.in * d.panel);
        int off = Alignment.floatsToLine(new float[100]);
        assertTrue(off >= 0 && off < 16);
    }

    @Test
    void reentrantChainFromAnActivationGetsItsOwnScratch() {
        SplittableRandom rnd = new SplittableRandom(9);
        List<DenseKernel> inner = chain(rnd, new int[] {16, 24, 16}, TestActivations.RELU, null);
        DenseChain innerChain = new DenseChain(inner);
        Activation calling = new Activation() { // row-wise: runs the inner chain on each row, adds its first value
            @Override public String name() { return "calls_a_model"; }
            @Override public String formula() { return "x + inner(x)[0]"; }
            @Override public boolean isElementwise() { return false; }
            @Override public void referenceRows(float[] x, int off, int rows, int width) {
                for (int r = 0; r < rows; r++) {
                    float[] row = Arrays.copyOfRange(x, off + r * width, off + r * width + width), o = new float[16];
                    innerChain.forward(row, 0, o, 0, 1);
                    for (int i = 0; i < width; i++) x[off + r * width + i] += o[0];
                }
            }
        };
        List<DenseKernel> outer = chain(rnd, new int[] {30, 16, 16}, TestActivations.PLUS_ONE, calling);
        DenseChain c = new DenseChain(outer);
        for (int rows : new int[] {1, 8, 150}) {
            float[] x = DenseKernelTest.random(rnd, rows * 30);
            assertArrayEquals(layerByLayer(outer, x, rows), flat(c.forwardRows(rowsOf(x, rows, 30))), "rows " + rows);
        }
    }

    @Test
    void chunksAreWholeTilesAndEvenlySpreadOverThreads() {
        for (int rows : new int[] {2, 7, 64, 97, 500, 1000, 4097}) {
            for (int t : new int[] {1, 2, 3, 8}) {
                int size = DenseChain.chunkRows(rows, t), tasks = (rows + size - 1) / size;
                String what = rows + " rows, " + t + " threads: chunks of " + size;
                assertEquals(0, size % 6, what);
                assertTrue((tasks - 1) * size < rows, what);
            }
        }
        int size = DenseChain.chunkRows(1000, 2);
        assertEquals(0, (1000 + size - 1) / size % 2, "1000 rows on 2 threads: an even number of chunks");
    }

    @Test
    void mismatchedLayersAndBadArgumentsAreRejected() {
        SplittableRandom rnd = new SplittableRandom(1);
        DenseKernel a = DenseKernel.pack(DenseKernelTest.random(rnd, 6), null, 2, 3, null);
        DenseKernel b = DenseKernel.pack(DenseKernelTest.random(rnd, 8), null, 4, 2, null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DenseChain(List.of(a, b)));
        assertTrue(e.getMessage().contains("layer 1 takes 4 values, layer 0 gives 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DenseChain(List.of()));
        DenseChain c = new DenseChain(List.of(a));
        assertThrows(IllegalArgumentException.class, () -> c.forward(new float[3], 0, new float[3], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> c.forward(new float[4], 0, new float[5], 0, 2));
        float[] shared = new float[20];
        assertThrows(IllegalArgumentException.class, () -> c.forward(shared, 0, shared, 2, 2));
        assertEquals(0, c.forwardRows(new float[0][]).length);
    }
}
