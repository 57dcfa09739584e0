package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.arange;
import static org.jkeras.runtime.layers.LayerTesting.assertBits;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** Concatenate: last axis, axis 1, a middle axis; shape errors. Axes count the batch axis, as in Keras. */
class ConcatenateTest {

    @Test
    void lastAxisLiteral() {
        Tensor x = arange(0, 2, 2, 2);
        Tensor y = tensor(new float[] {100, 101, 102, 103}, 2, 2, 1);
        Tensor out = run(new Concatenate("concat", -1), x, y);
        assertEquals(shape(2, 2, 3), out.shape());
        assertBits(new float[] {0, 1, 100, 2, 3, 101, 4, 5, 102, 6, 7, 103}, out.data());
    }

    @Test
    void lastAxisThreeInputsAgainstIndexFormula() {
        Tensor x = arange(0, 2, 3, 2), y = arange(100, 2, 3, 1), z = arange(200, 2, 3, 4);
        float[] expected = new float[2 * 3 * 7];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 7; k++) {
                    float v = k < 2 ? x.data()[(b * 3 + i) * 2 + k]
                            : k < 3 ? y.data()[b * 3 + i]
                            : z.data()[(b * 3 + i) * 4 + (k - 3)];
                    expected[(b * 3 + i) * 7 + k] = v;
                }
            }
        }
        Tensor out = run(new Concatenate("concat", -1), x, y, z);
        assertEquals(shape(2, 3, 7), out.shape());
        assertBits(expected, out.data());
        // axis 2 is the same axis for rank-3 tensors
        assertBits(expected, run(new Concatenate("concat", 2), x, y, z).data());
    }

    /** The Keras docstring example: x = arange(20).reshape(2, 2, 5), y = arange(20, 30).reshape(2, 1, 5), axis=1. */
    @Test
    void axisOneDocstringExample() {
        Tensor x = arange(0, 2, 2, 5), y = arange(20, 2, 1, 5);
        Tensor out = run(new Concatenate("concat", 1), x, y);
        assertEquals(shape(2, 3, 5), out.shape());
        assertBits(new float[] {
                0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 20, 21, 22, 23, 24,
                10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 25, 26, 27, 28, 29}, out.data());
    }

    @Test
    void axisOneOfRank2Inputs() {
        Tensor x = tensor(new float[] {1, 2, 3, 4}, 2, 2), y = tensor(new float[] {5, 6, 7, 8, 9, 10}, 2, 3);
        assertBits(new float[] {1, 2, 5, 6, 7, 3, 4, 8, 9, 10}, run(new Concatenate("concat", 1), x, y).data());
    }

    /** Rank-4 tensors (sample rank 3) joined on axis 2, a middle axis; for rank 4, axis -2 is axis 2 too. */
    @Test
    void middleAxisAgainstIndexFormula() {
        Tensor x = arange(0, 2, 2, 3, 2), y = arange(100, 2, 2, 1, 2);
        float[] expected = new float[2 * 2 * 4 * 2];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < 4; k++) {
                    for (int l = 0; l < 2; l++) {
                        expected[((b * 2 + i) * 4 + k) * 2 + l] = k < 3
                                ? x.data()[((b * 2 + i) * 3 + k) * 2 + l]
                                : y.data()[((b * 2 + i) * 1 + (k - 3)) * 2 + l];
                    }
                }
            }
        }
        Tensor out = run(new Concatenate("concat", 2), x, y);
        assertEquals(shape(2, 2, 4, 2), out.shape());
        assertBits(expected, out.data());
        assertBits(expected, run(new Concatenate("concat", -2), x, y).data());
    }

    @Test
    void middleAxisOfRank3SampleWithInputFirstSmaller() {
        // (b, 1, 2) ++ (b, 2, 2) on axis 1: y's block comes after x's for every batch row
        Tensor x = tensor(new float[] {1, 2, 3, 4}, 2, 1, 2), y = tensor(new float[] {10, 20, 30, 40, 50, 60, 70, 80}, 2, 2, 2);
        assertBits(new float[] {1, 2, 10, 20, 30, 40, 3, 4, 50, 60, 70, 80}, run(new Concatenate("concat", 1), x, y).data());
    }

    @Test
    void outputShapes() {
        assertEquals(shape(2, 7), new Concatenate("c", -1).outputShape(List.of(shape(2, 3), shape(2, 4))));
        assertEquals(shape(5, 3), new Concatenate("c", 1).outputShape(List.of(shape(2, 3), shape(3, 3))));
        assertEquals(shape(Shape.UNKNOWN, 5), new Concatenate("c", -1).outputShape(List.of(shape(Shape.UNKNOWN, 2), shape(Shape.UNKNOWN, 3))));
        assertEquals(shape(Shape.UNKNOWN, 2), new Concatenate("c", 1).outputShape(List.of(shape(Shape.UNKNOWN, 2), shape(3, 2))));
    }

    @Test
    void mismatchedShapesFailWithTheLayerName() {
        Concatenate c = new Concatenate("concat_7", -1);
        assertNamedError("concat_7", () -> c.outputShape(List.of(shape(2, 3), shape(3, 3))));
        assertNamedError("concat_7", () -> c.outputShape(List.of(shape(2, 3), shape(3))));
        assertNamedError("concat_7", () -> new Concatenate("concat_7", 1).outputShape(List.of(shape(2, 2), shape(2, 3))));
        assertNamedError("concat_7", () -> c.outputShape(List.of(shape(2, 3))));
        assertNamedError("concat_7", () -> new Concatenate("concat_7", 3).outputShape(List.of(shape(2, 3), shape(2, 3))));
        assertNamedError("concat_7", () -> new Concatenate("concat_7", -4).outputShape(List.of(shape(2, 3), shape(2, 3))));
    }
}
