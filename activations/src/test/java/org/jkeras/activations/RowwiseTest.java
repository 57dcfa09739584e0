package org.jkeras.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Softmax, log_softmax, sparsemax and glu over several rows, in place. */
class RowwiseTest {
    private static float[] random(Random r, int n, double scale) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * scale);
        return x;
    }

    private static double rowSum(float[] y, int start, int width) {
        double s = 0;
        for (int i = start; i < start + width; i++) s += y[i];
        return s;
    }

    @Test
    void softmaxRowsSumToOne() {
        Random r = new Random(7);
        for (int width : new int[] {1, 2, 7, 16, 33, 100, 1001}) {
            int rows = 4, off = 3;
            float[] x = random(r, off + rows * width, 20);
            float[] y = x.clone();
            Activations.softmax().applyRows(y, off, rows, width);
            for (int row = 0; row < rows; row++) {
                int start = off + row * width;
                assertEquals(1, rowSum(y, start, width), 1e-5, "width " + width + " row " + row);
                double max = Double.NEGATIVE_INFINITY, z = 0;
                for (int i = start; i < start + width; i++) max = Math.max(max, x[i]);
                for (int i = start; i < start + width; i++) z += Math.exp(x[i] - (float) max);
                for (int i = start; i < start + width; i++) {
                    double p = Math.exp(x[i] - (float) max) / z; // x − max in float32, as Keras
                    // e in float within 1 ulp, the sum rounded to float, one float division: within 3 ulp
                    assertEquals(p, y[i], 3 * Math.ulp((float) p) + Float.MIN_VALUE, "softmax value");
                }
            }
            assertArrayEquals(java.util.Arrays.copyOf(x, off), java.util.Arrays.copyOf(y, off), "before offset untouched");
        }
    }

    @Test
    void logSoftmaxIsLogOfSoftmax() {
        Random r = new Random(8);
        int rows = 3, width = 45;
        float[] x = random(r, rows * width, 5), p = x.clone(), lp = x.clone();
        Activations.softmax().applyRows(p, 0, rows, width);
        Activations.logSoftmax().applyRows(lp, 0, rows, width);
        for (int i = 0; i < x.length; i++) assertEquals(Math.log(p[i]), lp[i], 1e-5 * Math.max(1, Math.abs(lp[i])));
    }

    @Test
    void sparsemaxAsKerasComputesIt() {
        // keras-team/keras issue #23425: Keras returns [0, 0, 0.25] for [0, 0.5, 1]; the simplex projection is [0, 0.25, 0.75]
        float[] keras = {0, 0.5f, 1}, simplex = keras.clone();
        Activations.byName("sparsemax", Semantics.KERAS_3).applyRows(keras, 0, 1, 3);
        Activations.sparsemax(true).applyRows(simplex, 0, 1, 3);
        assertArrayEquals(new float[] {0, 0, 0.25f}, keras);
        assertArrayEquals(new float[] {0, 0.25f, 0.75f}, simplex);
        // pull request #23469: [0.1 .. 0.5] gives all zeros in Keras, [0, 0.1, 0.2, 0.3, 0.4] when fixed
        float[] ramp = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f}, fixed = ramp.clone();
        Activations.byName("sparsemax", Semantics.KERAS_3).applyRows(ramp, 0, 1, 5);
        Activations.sparsemax(true).applyRows(fixed, 0, 1, 5);
        assertArrayEquals(new float[5], ramp);
        assertArrayEquals(new float[] {0, 0.1f, 0.2f, 0.3f, 0.4f}, fixed, 1e-7f);
    }

    @Test
    void sparsemaxVariantsAgreeWhenOneLogitDominates() {
        Random r = new Random(9);
        for (int trial = 0; trial < 50; trial++) {
            float[] x = random(r, 12, 1);
            x[r.nextInt(12)] += 10; // support of one element: the others are more than 1 below
            float[] a = x.clone(), b = x.clone();
            Activations.byName("sparsemax", Semantics.KERAS_3).applyRows(a, 0, 1, 12);
            Activations.sparsemax(true).applyRows(b, 0, 1, 12);
            assertArrayEquals(b, a);
            assertEquals(1, rowSum(a, 0, 12), 1e-6);
        }
    }

    @Test
    void simplexSparsemaxRowsSumToOneAndAreSparse() {
        Random r = new Random(10);
        int rows = 5, width = 40, off = 2;
        float[] x = random(r, off + rows * width, 2), y = x.clone();
        Activations.sparsemax(true).applyRows(y, off, rows, width);
        for (int row = 0; row < rows; row++) {
            int start = off + row * width, zeros = 0, kept = 0;
            assertEquals(1, rowSum(y, start, width), 1e-5, "row " + row);
            float tau = Float.NaN;
            for (int i = start; i < start + width; i++) {
                assertTrue(y[i] >= 0);
                if (y[i] == 0) zeros++;
                else if (kept++ == 0) tau = x[i] - y[i];
            }
            assertTrue(zeros > width / 2, "sparse: " + zeros + " zeros of " + width);
            for (int i = start; i < start + width; i++) { // one threshold: kept entries are x − τ, dropped ones are ≤ τ
                if (y[i] > 0) assertEquals(x[i] - tau, y[i], 1e-5);
                else assertTrue(x[i] <= tau + 1e-5);
            }
        }
    }

    @Test
    void gluHalvesTheWidthInPlace() {
        Random r = new Random(11);
        int rows = 3, width = 38, half = 19, off = 4;
        float[] x = random(r, off + rows * width, 3), y = x.clone();
        Activation glu = Activations.byName("glu", Semantics.KERAS_3);
        assertEquals(half, glu.outputWidth(width));
        glu.applyRows(y, off, rows, width);
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < half; j++) {
                double a = x[off + row * width + j], b = x[off + row * width + half + j];
                double expected = a / (1 + Math.exp(-b));
                assertEquals(expected, y[off + row * half + j], 2 * Math.ulp((float) expected) + Float.MIN_VALUE);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> glu.applyRows(new float[9], 0, 1, 9));
        assertThrows(IllegalArgumentException.class, () -> glu.referenceRows(new float[9], 0, 1, 9));
    }

    @Test
    void emptyInputsAreNoOps() {
        for (String name : Activations.names()) {
            float[] x = {1, 2};
            Activations.byName(name, Semantics.KERAS_3).applyRows(x, 1, 0, 2);
            Activations.byName(name, Semantics.KERAS_3).referenceRows(x, 2, 0, 2);
            assertArrayEquals(new float[] {1, 2}, x, name);
        }
    }
}
