package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.arange;
import static org.jkeras.runtime.layers.LayerTesting.assertBits;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** Permute, RepeatVector, Reshape, Flatten: layers that only move values. */
class ShapeLayersTest {

    // ---- Permute ----

    @Test
    void permute21TransposesEachSample() {
        Tensor x = arange(0, 2, 3, 4);
        Tensor out = run(new Permute("perm", new int[] {2, 1}), x);
        assertEquals(shape(2, 4, 3), out.shape());
        float[] expected = new float[24];
        for (int b = 0; b < 2; b++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 3; i++) expected[b * 12 + j * 3 + i] = x.data()[b * 12 + i * 4 + j];
            }
        }
        assertBits(expected, out.data());
        // first sample by hand
        assertBits(new float[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, java.util.Arrays.copyOf(out.data(), 12));
    }

    @Test
    void permute312OnRank3Samples() {
        // output axis 0 reads input axis 2, axis 1 reads axis 0, axis 2 reads axis 1: out[l][i][j] = x[i][j][l]
        Tensor x = arange(0, 2, 2, 3, 4);
        Tensor out = run(new Permute("perm", new int[] {3, 1, 2}), x);
        assertEquals(shape(2, 4, 2, 3), out.shape());
        float[] expected = new float[48];
        for (int b = 0; b < 2; b++) {
            for (int l = 0; l < 4; l++) {
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 3; j++) expected[b * 24 + (l * 2 + i) * 3 + j] = x.data()[b * 24 + (i * 3 + j) * 4 + l];
                }
            }
        }
        assertBits(expected, out.data());
    }

    @Test
    void permuteIdentityKeepsData() {
        Tensor x = arange(5, 1, 2, 3);
        assertBits(x.data(), run(new Permute("perm", new int[] {1, 2}), x).data());
    }

    @Test
    void permuteErrors() {
        assertNamedError("perm_2", () -> new Permute("perm_2", new int[] {1, 1}));
        assertNamedError("perm_2", () -> new Permute("perm_2", new int[] {0, 1}));
        assertNamedError("perm_2", () -> new Permute("perm_2", new int[] {1, 3}));
        assertNamedError("perm_2", () -> new Permute("perm_2", new int[] {2, 1}).outputShape(List.of(shape(2, 3, 4))));
    }

    // ---- RepeatVector ----

    @Test
    void repeatVector() {
        Tensor x = tensor(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor out = run(new RepeatVector("rep", 3), x);
        assertEquals(shape(2, 3, 2), out.shape());
        assertBits(new float[] {1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4}, out.data());
    }

    @Test
    void repeatVectorErrors() {
        assertNamedError("rep_1", () -> new RepeatVector("rep_1", 0));
        assertNamedError("rep_1", () -> new RepeatVector("rep_1", 2).outputShape(List.of(shape(2, 2))));
    }

    // ---- Reshape ----

    @Test
    void reshapeInfersMinusOne() {
        Tensor x = arange(0, 2, 6);
        Tensor out = run(new Reshape("resh", new int[] {-1, 2}), x);
        assertEquals(shape(2, 3, 2), out.shape());
        assertBits(x.data(), out.data());
        assertEquals(shape(2, 2, 3), new Reshape("r", new int[] {2, -1, 3}).outputShape(List.of(shape(4, 3))));
        assertEquals(shape(12), new Reshape("r", new int[] {-1}).outputShape(List.of(shape(4, 3))));
    }

    @Test
    void reshapeExplicitTarget() {
        Tensor x = arange(1, 1, 2, 3);
        Tensor out = run(new Reshape("resh", new int[] {3, 2}), x);
        assertEquals(shape(1, 3, 2), out.shape());
        assertBits(x.data(), out.data());
    }

    @Test
    void reshapeErrors() {
        assertNamedError("resh_4", () -> new Reshape("resh_4", new int[] {-1, -1}));
        assertNamedError("resh_4", () -> new Reshape("resh_4", new int[] {-2, 3}));
        assertNamedError("resh_4", () -> new Reshape("resh_4", new int[] {4}).outputShape(List.of(shape(2, 3))));
        assertNamedError("resh_4", () -> new Reshape("resh_4", new int[] {-1, 4}).outputShape(List.of(shape(2, 3))));
        assertNamedError("resh_4", () -> new Reshape("resh_4", new int[] {0, -1}).outputShape(List.of(shape(2, 3))));
    }

    @Test
    void reshapeOfAnOpenLengthResolvesPerCall() {
        Reshape r = new Reshape("resh_5", new int[] {-1, 4});
        assertEquals(shape(Shape.UNKNOWN, 4), r.outputShape(List.of(shape(Shape.UNKNOWN, 8))));
        Tensor out = r.forward(List.of(arange(0, 2, 3, 8)));
        assertEquals(shape(2, 6, 4), out.shape());
        assertEquals(23f, out.data()[23]);
        assertEquals(shape(2, Shape.UNKNOWN), new Reshape("r", new int[] {2, -1}).outputShape(List.of(shape(Shape.UNKNOWN, 3))));
        // 6 values per sample do not make rows of 4: an error of the call, naming the layer
        PredictException e = assertThrows(PredictException.class, () -> r.forward(List.of(arange(0, 2, 3, 2))));
        assertTrue(e.getMessage().contains("'resh_5'"), e.getMessage());
    }

    // ---- Flatten ----

    @Test
    void flattenChannelsLastKeepsOrder() {
        Tensor x = arange(0, 2, 2, 3);
        Tensor out = run(new Flatten("flat", false), x);
        assertEquals(shape(2, 6), out.shape());
        assertBits(x.data(), out.data());
        assertEquals(shape(24), new Flatten("flat", false).outputShape(List.of(shape(2, 3, 4))));
    }

    /** channels_first (b, C, H, W): Keras moves C last, so flat index (h * W + w) * C + c holds x[b][c][h][w]. */
    @Test
    void flattenChannelsFirstMovesChannelsLast() {
        int n = 2, c = 2, h = 2, w = 3;
        Tensor x = arange(0, n, c, h, w);
        Tensor out = run(new Flatten("flat", true), x);
        assertEquals(shape(n, c * h * w), out.shape());
        float[] expected = new float[x.size()];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        expected[b * c * h * w + (i * w + j) * c + ch] = x.data()[((b * c + ch) * h + i) * w + j];
                    }
                }
            }
        }
        assertBits(expected, out.data());
        // first sample by hand: channel 0 holds 0..5, channel 1 holds 6..11
        assertBits(new float[] {0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11}, java.util.Arrays.copyOf(out.data(), 12));
    }

    @Test
    void flattenChannelsFirstRank3() {
        // (b, C=3, L=2) -> x[b][c][l] at l * 3 + c
        Tensor x = arange(0, 1, 3, 2);
        assertBits(new float[] {0, 2, 4, 1, 3, 5}, run(new Flatten("flat", true), x).data());
    }

    @Test
    void flattenChannelsFirstOfRank2IsANoOp() {
        Tensor x = arange(0, 2, 3);
        assertBits(x.data(), run(new Flatten("flat", true), x).data());
    }

    @Test
    void flattenNeedsAKnownShape() {
        assertNamedError("flat_1", () -> new Flatten("flat_1", false).outputShape(List.of(shape(Shape.UNKNOWN, 3))));
    }
}
