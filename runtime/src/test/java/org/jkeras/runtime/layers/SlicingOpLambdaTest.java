package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.arange;
import static org.jkeras.runtime.layers.LayerTesting.assertBits;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.layers.SlicingOpLambda.Axis;
import org.junit.jupiter.api.Test;

/**
 * SlicingOpLambda on x of shape (2, 4, 5) with x[b][i][j] = 20b + 5i + j, so each expected value is written from
 * the rows and columns Python would pick.
 */
class SlicingOpLambdaTest {
    static final Tensor X = arange(0, 2, 4, 5);

    static Axis slice(Integer start, Integer stop, Integer step) {
        return new Axis(null, start, stop, step);
    }

    static Axis index(int i) {
        return new Axis(i, null, null, null);
    }

    /** The values at rows x cols of every sample, in order. */
    static float[] pick(int[] rows, int[] cols) {
        float[] out = new float[2 * rows.length * cols.length];
        int k = 0;
        for (int b = 0; b < 2; b++) for (int i : rows) for (int j : cols) out[k++] = 20 * b + 5 * i + j;
        return out;
    }

    static final int[] ALL_ROWS = {0, 1, 2, 3}, ALL_COLS = {0, 1, 2, 3, 4};

    static Tensor slice(Axis... axes) {
        return run(new SlicingOpLambda("slice", List.of(axes)), X);
    }

    @Test
    void rangeOnAxis1() { // x[:, 1:3]
        Tensor out = slice(slice(1, 3, null));
        assertEquals(shape(2, 2, 5), out.shape());
        assertBits(pick(new int[] {1, 2}, ALL_COLS), out.data());
    }

    @Test
    void negativeStart() {
        assertBits(pick(new int[] {2, 3}, ALL_COLS), slice(slice(-2, null, null)).data());           // x[:, -2:]
        assertBits(pick(new int[] {1, 2}, ALL_COLS), slice(slice(-3, -1, null)).data());           // x[:, -3:-1]
        assertBits(pick(new int[] {0, 1}, ALL_COLS), slice(slice(-100, 2, null)).data());          // x[:, -100:2]
        assertBits(pick(ALL_ROWS, new int[] {3, 4}), slice(Axis.all(), slice(-2, 100, null)).data()); // x[:, :, -2:100]
    }

    @Test
    void stepTwo() {
        Tensor out = slice(Axis.all(), slice(null, null, 2)); // x[:, :, ::2]
        assertEquals(shape(2, 4, 3), out.shape());
        assertBits(pick(ALL_ROWS, new int[] {0, 2, 4}), out.data());
        assertBits(pick(new int[] {1, 3}, new int[] {1, 3}), slice(slice(1, null, 2), slice(1, 4, 2)).data()); // x[:, 1::2, 1:4:2]
    }

    @Test
    void negativeStep() {
        assertBits(pick(new int[] {3, 2, 1, 0}, ALL_COLS), slice(slice(null, null, -1)).data());          // x[:, ::-1]
        assertBits(pick(new int[] {3, 1}, ALL_COLS), slice(slice(3, 0, -2)).data());                      // x[:, 3:0:-2]
        assertBits(pick(ALL_ROWS, new int[] {4, 2, 0}), slice(Axis.all(), slice(-1, null, -2)).data());   // x[:, :, -1::-2]
        assertBits(pick(ALL_ROWS, new int[] {4, 3, 2, 1, 0}), slice(Axis.all(), slice(10, -10, -1)).data()); // x[:, :, 10:-10:-1]
        assertBits(pick(new int[] {2, 1}, new int[] {3, 2}), slice(slice(2, 0, -1), slice(-2, 1, -1)).data()); // x[:, 2:0:-1, -2:1:-1]
    }

    @Test
    void indexDropsTheAxis() {
        Tensor row = slice(index(1)); // x[:, 1]
        assertEquals(shape(2, 5), row.shape());
        assertBits(pick(new int[] {1}, ALL_COLS), row.data());
        Tensor col = slice(Axis.all(), index(-1)); // x[:, :, -1]
        assertEquals(shape(2, 4), col.shape());
        assertBits(pick(ALL_ROWS, new int[] {4}), col.data());
        Tensor mixed = slice(index(2), slice(1, 3, null)); // x[:, 2, 1:3]
        assertEquals(shape(2, 2), mixed.shape());
        assertBits(new float[] {11, 12, 31, 32}, mixed.data());
        Tensor both = slice(index(-4), index(0)); // x[:, -4, 0]
        assertEquals(shape(2), both.shape());
        assertBits(new float[] {0, 20}, both.data());
    }

    @Test
    void emptySlice() {
        Tensor out = slice(slice(3, 1, null)); // x[:, 3:1]
        assertEquals(shape(2, 0, 5), out.shape());
        assertEquals(0, out.size());
    }

    @Test
    void outputShapeKeepsAnUnknownAxisTakenWhole() {
        SlicingOpLambda s = new SlicingOpLambda("slice", List.of(Axis.all(), slice(1, 3, null)));
        assertEquals(shape(Shape.UNKNOWN, 2), s.outputShape(List.of(shape(Shape.UNKNOWN, 5))));
    }

    @Test
    void errorsNameTheLayer() {
        assertNamedError("slice_2", () -> new SlicingOpLambda("slice_2", List.of(index(4))).outputShape(List.of(shape(4, 5))));
        assertNamedError("slice_2", () -> new SlicingOpLambda("slice_2", List.of(index(-5))).outputShape(List.of(shape(4, 5))));
        assertNamedError("slice_2", () -> new SlicingOpLambda("slice_2", List.of(Axis.all(), index(5))).outputShape(List.of(shape(4, 5))));
        assertNamedError("slice_2", () -> new SlicingOpLambda("slice_2", List.of(Axis.all(), Axis.all(), Axis.all()))
                .outputShape(List.of(shape(4, 5))));
        assertNamedError("slice_2", () -> new SlicingOpLambda("slice_2", List.of(slice(null, null, 0))));
        assertNamedError("slice_2", () -> new SlicingOpLambda("slice_2", List.of(index(0))).outputShape(List.of(shape(Shape.UNKNOWN, 5))));
    }
}
