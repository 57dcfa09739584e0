package org.jkeras.runtime.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;

/** The rules TensorFlow applies (checked against Keras 3.15.1 in the lab): bincount fails on negatives, one_hot ignores them. */
class CategoryEncoderTest {
    @Test
    void bincountRefusesNegativeIndicesAsTensorFlowDoes() {
        Tensor x = Tensor.of(new float[] {0, 2, -1, 1}, 2, 2);
        assertThrows(PredictException.class, () -> CategoryEncoder.encode(x, Mode.MULTI_HOT, 3, "test"));
        assertThrows(PredictException.class, () -> CategoryEncoder.encode(x, Mode.COUNT, 3, "test"));
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0}, CategoryEncoder.encode(x, Mode.ONE_HOT, 3, "test").data());
    }

    @Test
    void countsDropIndicesPastTheDepthAndTruncateFloats() {
        Tensor x = Tensor.of(new float[] {0.2f, 2.7f, 2f, 5f}, 1, 4);
        assertArrayEquals(new float[] {1, 0, 2}, CategoryEncoder.encode(x, Mode.COUNT, 3, "test").data());
    }

    @Test
    void aBatchOnlyInputIsRefusedForCounts() {
        assertThrows(IllegalArgumentException.class, () -> CategoryEncoder.outputShape(Shape.of(), Mode.MULTI_HOT, 4));
        assertEquals(Shape.of(4), CategoryEncoder.outputShape(Shape.of(), Mode.ONE_HOT, 4));
        assertEquals(Shape.of(4), CategoryEncoder.outputShape(Shape.of(1), Mode.ONE_HOT, 4));
    }

    @Test
    void nanAndInfinityBecomeInt64MinLikeTensorFlowsCast() {
        assertEquals(Long.MIN_VALUE, CategoryEncoder.toIndex(Float.NaN));
        assertEquals(Long.MIN_VALUE, CategoryEncoder.toIndex(Float.POSITIVE_INFINITY));
        assertEquals(-2, CategoryEncoder.toIndex(-2.9f));
    }
}
