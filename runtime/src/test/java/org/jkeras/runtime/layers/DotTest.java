package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.arange;
import static org.jkeras.runtime.layers.LayerTesting.assertBits;
import static org.jkeras.runtime.layers.LayerTesting.assertClose;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Dot. The constructor takes sample axes (batch excluded): Keras {@code Dot(axes=(p, q))} is {@code Dot(name, p-1, q-1, ...)}.
 * Inputs are small integers so every product and sum is exact.
 */
class DotTest {
    static final float EPS = 1e-7f;

    @Test
    void rank2GivesOneValuePerSample() {
        Tensor x = tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor y = tensor(new float[] {7, 8, 9, 1, 0, -1}, 2, 3);
        Tensor out = run(new Dot("dot", 0, 0, false, EPS), x, y);
        assertEquals(shape(2, 1), out.shape());
        // 7 + 16 + 27 = 50; 4 + 0 - 6 = -2
        assertBits(new float[] {50, -2}, out.data());
    }

    /** Dot(axes=(2, 1)) on (b, 2, 3) and (b, 3, 4) is a batched matrix product. */
    @Test
    void axes2And1IsBatchMatmul() {
        Tensor x = arange(0, 2, 2, 3), y = arange(0, 2, 3, 4);
        Tensor out = run(new Dot("dot", 1, 0, false, EPS), x, y);
        assertEquals(shape(2, 2, 4), out.shape());
        float[] expected = new float[16];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 4; j++) {
                    double s = 0;
                    for (int k = 0; k < 3; k++) s += (double) x.data()[b * 6 + i * 3 + k] * y.data()[b * 12 + k * 4 + j];
                    expected[b * 8 + i * 4 + j] = (float) s;
                }
            }
        }
        assertBits(expected, out.data());
        // first sample by hand: [0 1 2; 3 4 5] . arange(12).reshape(3, 4)
        float[] first = java.util.Arrays.copyOf(out.data(), 8);
        assertBits(new float[] {20, 23, 26, 29, 56, 68, 80, 92}, first);
    }

    /** The Keras docstring: x = arange(10).reshape(1, 5, 2), y = arange(10, 20).reshape(1, 2, 5), Dot(axes=(1, 2)). */
    @Test
    void docstringExampleAxes1And2() {
        Tensor x = arange(0, 1, 5, 2), y = arange(10, 1, 2, 5);
        Tensor out = run(new Dot("dot", 0, 1, false, EPS), x, y);
        assertEquals(shape(1, 2, 2), out.shape());
        assertBits(new float[] {260, 360, 320, 445}, out.data());
    }

    @Test
    void contractingAMiddleAxisKeepsXAxesThenYAxes() {
        // x (b, 2, 3, 2) contracted on its axis 2 (size 3) with y (b, 3, 2) on its axis 1: out (b, 2, 2, 2)
        Tensor x = arange(1, 1, 2, 3, 2), y = arange(-3, 1, 3, 2);
        Tensor out = run(new Dot("dot", 1, 0, false, EPS), x, y);
        assertEquals(shape(1, 2, 2, 2), out.shape());
        float[] expected = new float[8];
        for (int i = 0; i < 2; i++) {
            for (int l = 0; l < 2; l++) {
                for (int m = 0; m < 2; m++) {
                    float s = 0;
                    for (int k = 0; k < 3; k++) s += x.data()[(i * 3 + k) * 2 + l] * y.data()[k * 2 + m];
                    expected[(i * 2 + l) * 2 + m] = s;
                }
            }
        }
        assertBits(expected, out.data());
    }

    @Test
    void normalizeGivesCosineSimilarity() {
        Tensor x = tensor(new float[] {3, 4, 1, 0, 2, 2}, 3, 2);
        Tensor y = tensor(new float[] {4, 3, 0, 2, -1, -1}, 3, 2);
        Tensor out = run(new Dot("cos", 0, 0, true, EPS), x, y);
        assertEquals(shape(3, 1), out.shape());
        // 24/25; orthogonal; opposite
        assertClose(new double[] {0.96, 0, -1}, out.data(), 1e-6);
    }

    @Test
    void normalizeAgainstDoubleCosine() {
        float[] xs = new float[4 * 5], ys = new float[4 * 5];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) Math.sin(0.7 * i + 0.1);
            ys[i] = (float) Math.cos(1.3 * i - 0.4);
        }
        Tensor out = run(new Dot("cos", 0, 0, true, EPS), tensor(xs, 4, 5), tensor(ys, 4, 5));
        double[] expected = new double[4];
        for (int b = 0; b < 4; b++) {
            double xy = 0, xx = 0, yy = 0;
            for (int k = 0; k < 5; k++) {
                xy += (double) xs[b * 5 + k] * ys[b * 5 + k];
                xx += (double) xs[b * 5 + k] * xs[b * 5 + k];
                yy += (double) ys[b * 5 + k] * ys[b * 5 + k];
            }
            expected[b] = xy / Math.sqrt(xx) / Math.sqrt(yy);
        }
        assertClose(expected, out.data(), 1e-6);
    }

    @Test
    void normalizeAlongANonLastAxis() {
        // x (1, 2, 2) normalised along axis 1 (columns), y (1, 2) along its only axis; out[j] = cos(x[:, j], y)
        Tensor x = tensor(new float[] {3, 0, 4, 5}, 1, 2, 2);
        Tensor y = tensor(new float[] {0, 1}, 1, 2);
        Tensor out = run(new Dot("cos", 0, 0, true, EPS), x, y);
        assertEquals(shape(1, 2), out.shape());
        // column 0 = (3, 4) -> 4/5; column 1 = (0, 5) -> 1
        assertClose(new double[] {0.8, 1}, out.data(), 1e-6);
    }

    @Test
    void normalizeOfAZeroVectorStaysFinite() {
        Tensor x = tensor(new float[] {0, 0}, 1, 2), y = tensor(new float[] {1, 1}, 1, 2);
        assertBits(new float[] {0}, run(new Dot("cos", 0, 0, true, EPS), x, y).data());
    }

    @Test
    void shapeErrorsNameTheLayer() {
        assertNamedError("dot_3", () -> new Dot("dot_3", 0, 0, false, EPS).outputShape(List.of(shape(3), shape(4))));
        assertNamedError("dot_3", () -> new Dot("dot_3", 1, 0, false, EPS).outputShape(List.of(shape(3), shape(3))));
        assertNamedError("dot_3", () -> new Dot("dot_3", 0, 0, false, EPS).outputShape(List.of(shape(3))));
    }
}
