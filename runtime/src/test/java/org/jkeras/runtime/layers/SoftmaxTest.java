package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.assertClose;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** Softmax over non-last axes, against exp / sum computed in double. The constructor takes sample axes (batch excluded). */
class SoftmaxTest {
    static final double TOL = 2e-7; // values lie in [0, 1]: a float's spacing there is at most 6e-8

    static float[] values(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (3 * Math.sin(1.7 * i + 0.3));
        return x;
    }

    /** Keras Softmax(axis=1) on (b, 3, 4): each column of 3 sums to 1. */
    @Test
    void overAxis1OfRank3() {
        int n = 2, r = 3, c = 4;
        float[] x = values(n * r * c);
        Tensor out = run(new Softmax("sm", new int[] {0}), tensor(x, n, r, c));
        double[] expected = new double[x.length];
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < c; j++) {
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int i = 0; i < r; i++) max = Math.max(max, x[(b * r + i) * c + j]);
                for (int i = 0; i < r; i++) sum += Math.exp(x[(b * r + i) * c + j] - max);
                for (int i = 0; i < r; i++) expected[(b * r + i) * c + j] = Math.exp(x[(b * r + i) * c + j] - max) / sum;
            }
        }
        assertClose(expected, out.data(), TOL);
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < c; j++) {
                double s = 0;
                for (int i = 0; i < r; i++) s += out.data()[(b * r + i) * c + j];
                assertEquals(1.0, s, 1e-6, "column " + j + " of sample " + b);
            }
        }
    }

    @Test
    void handCheckedPair() {
        // softmax([0, ln 3]) = [1/4, 3/4], along axis 1 of (1, 2, 1)
        Tensor x = tensor(new float[] {0f, (float) Math.log(3)}, 1, 2, 1);
        assertClose(new double[] {0.25, 0.75}, run(new Softmax("sm", new int[] {0}), x).data(), TOL);
    }

    /** Keras Softmax(axis=(1, 3)) on (b, 2, 3, 4): max and sum taken jointly over the 2 x 4 values of each (b, j). */
    @Test
    void overTwoAxesJointly() {
        int n = 2, p = 2, q = 3, r = 4;
        float[] x = values(n * p * q * r);
        Tensor out = run(new Softmax("sm", new int[] {0, 2}), tensor(x, n, p, q, r));
        double[] expected = new double[x.length];
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < q; j++) {
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int i = 0; i < p; i++) for (int k = 0; k < r; k++) max = Math.max(max, x[((b * p + i) * q + j) * r + k]);
                for (int i = 0; i < p; i++) for (int k = 0; k < r; k++) sum += Math.exp(x[((b * p + i) * q + j) * r + k] - max);
                for (int i = 0; i < p; i++) {
                    for (int k = 0; k < r; k++) {
                        int at = ((b * p + i) * q + j) * r + k;
                        expected[at] = Math.exp(x[at] - max) / sum;
                    }
                }
            }
        }
        assertClose(expected, out.data(), TOL);
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < q; j++) {
                double s = 0;
                for (int i = 0; i < p; i++) for (int k = 0; k < r; k++) s += out.data()[((b * p + i) * q + j) * r + k];
                assertEquals(1.0, s, 1e-6);
            }
        }
        // the axes may be given in any order
        LayerTesting.assertBits(out.data(), run(new Softmax("sm", new int[] {2, 0}), tensor(x, n, p, q, r)).data());
    }

    /** Keras Softmax(axis=(1, 2)) on (b, 2, 3): the whole sample is one group. */
    @Test
    void overAllSampleAxes() {
        float[] x = values(2 * 6);
        Tensor out = run(new Softmax("sm", new int[] {0, 1}), tensor(x, 2, 2, 3));
        double[] expected = new double[12];
        for (int b = 0; b < 2; b++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int i = 0; i < 6; i++) max = Math.max(max, x[b * 6 + i]);
            for (int i = 0; i < 6; i++) sum += Math.exp(x[b * 6 + i] - max);
            for (int i = 0; i < 6; i++) expected[b * 6 + i] = Math.exp(x[b * 6 + i] - max) / sum;
        }
        assertClose(expected, out.data(), TOL);
    }

    @Test
    void largeValuesDoNotOverflow() {
        Tensor x = tensor(new float[] {1000, 1000, -1000, 1000}, 1, 2, 2);
        // axis 1: columns (1000, -1000) and (1000, 1000)
        assertClose(new double[] {1, 0.5, 0, 0.5}, run(new Softmax("sm", new int[] {0}), x).data(), TOL);
    }

    @Test
    void outputShapeAndAxisErrors() {
        assertEquals(shape(2, 3), new Softmax("sm", new int[] {0}).outputShape(List.of(shape(2, 3))));
        assertNamedError("softmax_2", () -> new Softmax("softmax_2", new int[] {2}).outputShape(List.of(shape(2, 3))));
        assertNamedError("softmax_2", () -> new Softmax("softmax_2", new int[] {-1}).outputShape(List.of(shape(2, 3))));
    }
}
