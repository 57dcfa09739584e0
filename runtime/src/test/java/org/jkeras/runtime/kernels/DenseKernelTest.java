package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Simd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DenseKernel against a plain triple loop in the contract's order, bit for bit. */
class DenseKernelTest {
    private static final float SENTINEL = -12345.5f;
    private final int threadsBefore = Parallel.threads();

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(threadsBefore);
    }

    /**
     * The contract, written out: acc = fma(x[k], W[k][n], acc) for k ascending, then + b[n], then act; a layer of
     * at most one vector of units sums k into four partials by k % 4, added as (p0 + p1) + (p2 + p3).
     */
    static float[] reference(float[] kernel, float[] bias, int in, int units, float[] x, int rows, Activation act) {
        float[] y = new float[rows * units];
        boolean narrow = units <= (Simd.ENABLED ? DenseVector.L : 16);
        for (int r = 0; r < rows; r++) {
            for (int n = 0; n < units; n++) {
                float[] part = new float[4];
                for (int k = 0; k < in; k++) part[narrow ? k % 4 : 0] = Math.fma(x[r * in + k], kernel[k * units + n], part[narrow ? k % 4 : 0]);
                float acc = narrow ? (part[0] + part[1]) + (part[2] + part[3]) : part[0];
                y[r * units + n] = bias == null ? acc : acc + bias[n];
            }
        }
        if (act == null) return y;
        act.referenceRows(y, 0, rows, units);
        return Arrays.copyOf(y, rows * act.outputWidth(units));
    }

    static float[] random(SplittableRandom rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextDouble(-1, 1);
        return a;
    }

    /** Runs forward on a y padded with sentinels on both sides; checks the padding is untouched. */
    static float[] run(DenseKernel d, float[] x, int rows, boolean simd) {
        int pad = 7, n = rows * d.outputWidth();
        float[] xs = new float[x.length + 3];
        System.arraycopy(x, 0, xs, 3, x.length);
        float[] y = new float[n + 2 * pad];
        Arrays.fill(y, SENTINEL);
        d.forward(xs, 3, y, pad, rows, simd);
        for (int i = 0; i < pad; i++) {
            assertEquals(SENTINEL, y[i], "wrote before y");
            assertEquals(SENTINEL, y[pad + n + i], "wrote past y");
        }
        return Arrays.copyOfRange(y, pad, pad + n);
    }

    static Stream<Arguments> shapes() {
        int[] sizes = {1, 2, 3, 5, 8, 15, 16, 17, 31, 32, 33, 47, 63, 64, 65, 70};
        int[] rowCounts = {1, 2, 3, 4, 5, 6, 7, 11, 12, 13, 17, 33, 64};
        List<Arguments> a = new ArrayList<>();
        int i = 0;
        for (int in : sizes) {
            for (int units : sizes) {
                int rows = rowCounts[i++ % rowCounts.length];
                a.add(Arguments.of(in, units, rows, (i & 1) == 0));
            }
        }
        a.add(Arguments.of(784, 512, 1, true));
        a.add(Arguments.of(784, 512, 64, true));
        a.add(Arguments.of(784, 512, 33, false));
        a.add(Arguments.of(70, 130, 1000, true)); // several row chunks, partial last panel
        a.add(Arguments.of(784, 512, 1000, true));
        return a.stream();
    }

    @ParameterizedTest(name = "in={0} units={1} rows={2} bias={3}")
    @MethodSource("shapes")
    void matchesReferenceBitForBit(int in, int units, int rows, boolean withBias) {
        SplittableRandom rnd = new SplittableRandom(31L * in + units);
        float[] kernel = random(rnd, in * units), bias = withBias ? random(rnd, units) : null, x = random(rnd, rows * in);
        for (Activation act : new Activation[]{null, TestActivations.RELU}) {
            DenseKernel d = DenseKernel.pack(kernel, bias, in, units, act);
            float[] expected = reference(kernel, bias, in, units, x, rows, act);
            assertArrayEquals(expected, run(d, x, rows, false), "scalar path, act " + act);
            if (Simd.ENABLED) assertArrayEquals(expected, run(d, x, rows, true), "vector path, act " + act);
        }
    }

    @Test
    void everyRowSizeUpTo33MatchesReference() {
        SplittableRandom rnd = new SplittableRandom(5);
        int in = 37, units = 70;
        float[] kernel = random(rnd, in * units), bias = random(rnd, units), x = random(rnd, 33 * in);
        DenseKernel d = DenseKernel.pack(kernel, bias, in, units, TestActivations.PLUS_ONE);
        for (int rows = 0; rows <= 33; rows++) {
            assertArrayEquals(reference(kernel, bias, in, units, x, rows, TestActivations.PLUS_ONE), run(d, x, rows, Simd.ENABLED), "rows " + rows);
        }
    }

    @Test
    void batchOneEqualsSameRowInsideBatch64() {
        SplittableRandom rnd = new SplittableRandom(7);
        int in = 784, units = 512, rows = 64;
        float[] kernel = random(rnd, in * units), bias = random(rnd, units), x = random(rnd, rows * in);
        DenseKernel d = DenseKernel.pack(kernel, bias, in, units, TestActivations.RELU);
        float[] all = new float[rows * units];
        d.forward(x, 0, all, 0, rows);
        for (int r : new int[]{0, 1, 5, 6, 31, 59, 60, 63}) {
            for (int call = 0; call < 2; call++) { // successive batch-1 calls sweep the panels in opposite directions
                float[] one = new float[units];
                d.forward(x, r * in, one, 0, 1);
                assertArrayEquals(Arrays.copyOfRange(all, r * units, (r + 1) * units), one, "row " + r + " call " + call);
            }
        }
    }

    @Test
    void batchOneBothSweepDirectionsMatchReference() {
        SplittableRandom rnd = new SplittableRandom(9);
        int in = 45;
        for (int units : new int[]{1, 16, 17, 64, 65, 127, 128, 130, 191, 192, 200, 320}) {
            float[] kernel = random(rnd, in * units), bias = random(rnd, units), x = random(rnd, in);
            DenseKernel d = DenseKernel.pack(kernel, bias, in, units, TestActivations.PLUS_ONE);
            float[] expected = reference(kernel, bias, in, units, x, 1, TestActivations.PLUS_ONE);
            for (int call = 0; call < 3; call++) assertArrayEquals(expected, run(d, x, 1, Simd.ENABLED), "units " + units + " call " + call);
        }
    }

    @Test
    void threadCountDoesNotChangeBits() {
        SplittableRandom rnd = new SplittableRandom(11);
        int in = 300, units = 200, rows = 1000;
        float[] kernel = random(rnd, in * units), bias = random(rnd, units), x = random(rnd, rows * in);
        for (Activation act : new Activation[]{TestActivations.RELU, TestActivations.SOFTMAX, TestActivations.GLU}) {
            DenseKernel d = DenseKernel.pack(kernel, bias, in, units, act);
            float[] first = null;
            for (int t : new int[]{1, 2, 4}) {
                Parallel.setThreads(t);
                for (int r : new int[]{rows, 64, 7}) {
                    float[] y = new float[rows * d.outputWidth()];
                    d.forward(x, 0, y, 0, r);
                    if (r == rows) {
                        if (first == null) first = y;
                        else assertArrayEquals(first, y, act + " threads " + t);
                    } else {
                        assertArrayEquals(Arrays.copyOf(first, r * d.outputWidth()), Arrays.copyOf(y, r * d.outputWidth()), act + " rows " + r + " threads " + t);
                    }
                }
            }
        }
    }

    @Test
    void scalarPathEqualsVectorPath() {
        assumeTrue(Simd.ENABLED, "Vector API not enabled");
        SplittableRandom rnd = new SplittableRandom(13);
        for (int[] s : new int[][]{{784, 512, 64}, {784, 512, 1}, {100, 10, 100}, {17, 129, 13}}) {
            int in = s[0], units = s[1], rows = s[2];
            float[] kernel = random(rnd, in * units), bias = random(rnd, units), x = random(rnd, rows * in);
            DenseKernel d = DenseKernel.pack(kernel, bias, in, units, TestActivations.RELU);
            assertArrayEquals(run(d, x, rows, false), run(d, x, rows, true), Arrays.toString(s));
        }
    }

    @Test
    void rowwiseSoftmaxEpilogue() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int[] s : new int[][]{{64, 10, 1}, {64, 10, 200}, {33, 70, 13}, {512, 130, 5}}) {
            int in = s[0], units = s[1], rows = s[2];
            float[] kernel = random(rnd, in * units), bias = random(rnd, units), x = random(rnd, rows * in);
            DenseKernel d = DenseKernel.pack(kernel, bias, in, units, TestActivations.SOFTMAX);
            float[] expected = reference(kernel, bias, in, units, x, rows, TestActivations.SOFTMAX);
            assertArrayEquals(expected, run(d, x, rows, false), "scalar " + Arrays.toString(s));
            assertArrayEquals(expected, run(d, x, rows, Simd.ENABLED), Arrays.toString(s));
            float sum = 0;
            for (int n = 0; n < units; n++) sum += expected[n];
            assertEquals(1f, sum, 1e-5f);
        }
    }

    @Test
    void widthHalvingGluEpilogue() {
        SplittableRandom rnd = new SplittableRandom(19);
        for (int[] s : new int[][]{{20, 8, 1}, {20, 8, 3}, {64, 130, 97}, {784, 512, 64}, {50, 2, 200}}) {
            int in = s[0], units = s[1], rows = s[2];
            float[] kernel = random(rnd, in * units), bias = random(rnd, units), x = random(rnd, rows * in);
            DenseKernel d = DenseKernel.pack(kernel, bias, in, units, TestActivations.GLU);
            assertEquals(units / 2, d.outputWidth());
            float[] expected = reference(kernel, bias, in, units, x, rows, TestActivations.GLU);
            assertEquals(rows * units / 2, expected.length);
            assertArrayEquals(expected, run(d, x, rows, false), "scalar " + Arrays.toString(s));
            assertArrayEquals(expected, run(d, x, rows, Simd.ENABLED), Arrays.toString(s));
        }
    }

    @Test
    void identityActivationAndWithActivation() {
        SplittableRandom rnd = new SplittableRandom(23);
        int in = 40, units = 90, rows = 9;
        float[] kernel = random(rnd, in * units), bias = random(rnd, units), x = random(rnd, rows * in);
        DenseKernel linear = DenseKernel.pack(kernel, bias, in, units, null);
        assertTrue(linear.activation().isIdentity());
        assertEquals("linear", linear.activation().name());
        DenseKernel explicit = DenseKernel.pack(kernel, bias, in, units, TestActivations.IDENTITY);
        float[] expected = reference(kernel, bias, in, units, x, rows, null);
        assertArrayEquals(expected, run(linear, x, rows, Simd.ENABLED));
        assertArrayEquals(expected, run(explicit, x, rows, Simd.ENABLED));
        DenseKernel relu = linear.withActivation(TestActivations.RELU);
        assertSame(TestActivations.RELU, relu.activation());
        assertSame(linear.w, relu.w, "packed weights are shared");
        assertArrayEquals(reference(kernel, bias, in, units, x, rows, TestActivations.RELU), run(relu, x, rows, Simd.ENABLED));
    }

    @Test
    void packCopiesItsInputs() {
        float[] kernel = {1, 2, 3, 4}, bias = {10, 20};
        DenseKernel d = DenseKernel.pack(kernel, bias, 2, 2, null);
        kernel[0] = 100;
        bias[0] = 100;
        float[] y = new float[2];
        d.forward(new float[]{1, 1}, 0, y, 0, 1);
        assertArrayEquals(new float[]{14, 26}, y);
        assertEquals(2, d.inputSize());
        assertEquals(2, d.units());
        assertEquals(2, d.outputWidth());
    }

    @Test
    void badArgumentsThrowWithClearMessages() {
        float[] k6 = new float[6];
        assertMessage("kernel has 6 values, expected in * units = 2 * 4 = 8", () -> DenseKernel.pack(k6, null, 2, 4, null));
        assertMessage("bias has 2 values, expected units = 3", () -> DenseKernel.pack(k6, new float[2], 2, 3, null));
        assertMessage("input size must be >= 1, got -2", () -> DenseKernel.pack(k6, null, -2, -3, null));
        assertMessage("units must be >= 1, got -3", () -> DenseKernel.pack(k6, null, 2, -3, null));
        assertMessage("units must be >= 1, got 0", () -> DenseKernel.pack(new float[0], null, 2, 0, null));
        assertThrows(NullPointerException.class, () -> DenseKernel.pack(null, null, 2, 3, null));
        DenseKernel d = DenseKernel.pack(k6, null, 2, 3, null);
        assertMessage("rows must be >= 0, got -1", () -> d.forward(new float[2], 0, new float[3], 0, -1));
        assertMessage("x holds 3 floats: 2 rows of 2 from offset 0 need 4", () -> d.forward(new float[3], 0, new float[6], 0, 2));
        assertMessage("x holds 4 floats: 2 rows of 2 from offset -1", () -> d.forward(new float[4], -1, new float[6], 0, 2));
        assertMessage("y holds 5 floats: 2 rows of 3 from offset 0 need 6", () -> d.forward(new float[4], 0, new float[5], 0, 2));
        float[] shared = new float[10];
        assertMessage("x and y overlap", () -> d.forward(shared, 0, shared, 1, 2));
        d.forward(shared, 0, shared, 4, 2); // disjoint ranges of one array are fine
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    /**
     * Kernels side by side ({@code concatColumns}): the whole kernel, and each part's panels on their own
     * ({@code forwardPanels}), give every column the bits of its part, at batch 1 and 37, on 1 and 2 threads; the
     * columns of the other parts are left as they were. A narrow or activated part cannot join.
     */
    @Test
    void concatenatedKernelsKeepEachPartsBits() {
        int in = 40, units = 64; // whole 64-wide panels on every path
        SplittableRandom r = new SplittableRandom(17);
        DenseKernel[] parts = new DenseKernel[3];
        for (int p = 0; p < 3; p++) {
            float[] k = new float[in * units * (p + 1)], b = new float[units * (p + 1)];
            for (int i = 0; i < k.length; i++) k[i] = (float) r.nextDouble(-1, 1);
            for (int i = 0; i < b.length; i++) b[i] = (float) r.nextDouble(-1, 1);
            parts[p] = DenseKernel.pack(k, b, in, units * (p + 1), null);
        }
        DenseKernel all = DenseKernel.concatColumns(parts);
        int width = all.outputWidth(), pw = all.panelWidth();
        assertEquals(6 * units, width);
        for (int threads : new int[] {1, 2}) {
            Parallel.setThreads(threads);
            for (int rows : new int[] {1, 37}) {
                float[] x = new float[rows * in];
                for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-2, 2);
                float[] y = new float[rows * width];
                all.forward(x, 0, y, 0, rows);
                for (int p = 0, col = 0; p < 3; col += parts[p].units(), p++) {
                    float[] own = new float[rows * parts[p].units()];
                    parts[p].forward(x, 0, own, 0, rows);
                    float[] alone = new float[rows * width];
                    Arrays.fill(alone, 7f);
                    all.forwardPanels(x, 0, alone, 0, rows, col / pw, (col + parts[p].units()) / pw);
                    for (int i = 0; i < rows; i++) {
                        for (int j = 0; j < width; j++) {
                            boolean mine = j >= col && j < col + parts[p].units();
                            float want = mine ? own[i * parts[p].units() + j - col] : 7f;
                            assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(alone[i * width + j]), "part " + p + " row " + i + " column " + j);
                            if (mine) assertEquals(Float.floatToIntBits(want), Float.floatToIntBits(y[i * width + j]), "whole, row " + i + " column " + j);
                        }
                    }
                }
            }
        }
        assertEquals(null, DenseKernel.concatColumns(parts[0], DenseKernel.pack(new float[in * 5], null, in, 5, null)));
        assertEquals(null, DenseKernel.concatColumns(parts[0], parts[1].withActivation(org.jkeras.activations.Activations.relu())));
    }

    /**
     * {@link DenseKernel#gather}: Kᵀ and V gathered from rows scattered in a wider array give the bits of {@code pack}
     * of the same matrix, wide, partial and narrow panels alike, also when a slot is reused after a larger gather
     * (whose values then fill a partial panel's padding columns, never stored).
     */
    @Test
    void gatheredKernelsGiveThePackedKernelsBits() {
        SplittableRandom rnd = new SplittableRandom(17);
        int stride = 300, off = 11;
        float[] src = random(rnd, 200 * stride);
        for (int[] s : new int[][] {{64, 128, 128}, {64, 70, 9}, {16, 12, 5}, {24, 100, 33}, {8, 3, 4}}) { // in, units, rows of x
            int in = s[0], units = s[1], rows = s[2];
            int[] idx = new int[3 + Math.max(in, units)];
            for (int i = 0; i < idx.length; i++) idx[i] = rnd.nextInt(200);
            float[] kt = new float[in * units], v = new float[in * units]; // B for each form, (in, units) row-major
            for (int j = 0; j < units; j++) for (int c = 0; c < in; c++) kt[c * units + j] = src[idx[3 + j] * stride + off + c];
            for (int k = 0; k < in; k++) for (int n = 0; n < units; n++) v[k * units + n] = src[idx[3 + k] * stride + off + n];
            float[] x = random(rnd, rows * in);
            for (int slot : new int[] {0, 1}) {
                DenseKernel.gather(src, new int[300], 0, 1, 0, 300, 300, true, slot); // fill the slot with a larger kernel first
                float[] expectK = run(DenseKernel.pack(kt, null, in, units, null), x, rows, Simd.ENABLED);
                assertArrayEquals(expectK, run(DenseKernel.gather(src, idx, 3, stride, off, in, units, true, slot), x, rows, Simd.ENABLED), "Kᵀ " + Arrays.toString(s));
                float[] expectV = run(DenseKernel.pack(v, null, in, units, null), x, rows, Simd.ENABLED);
                assertArrayEquals(expectV, run(DenseKernel.gather(src, idx, 3, stride, off, in, units, false, slot), x, rows, Simd.ENABLED), "V " + Arrays.toString(s));
            }
        }
    }
}
