package org.jkeras.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;

import org.junit.jupiter.api.Test;

/** Building tensors from the forms JVM code holds data in: nested arrays, buffers, ids, masks. */
class TensorTest {
    @Test
    void nestedArraysGiveTheirShapeInCOrder() {
        Tensor t = Tensor.of(new float[][][] {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}});
        assertEquals(Shape.of(2, 2, 3), t.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, t.data());
        assertArrayEquals(new float[] {0.1f, 2}, Tensor.of(new double[][] {{0.1}, {2}}).data());
        assertEquals(Shape.of(2, 1), Tensor.of(new double[][] {{0.1}, {2}}).shape());
        assertArrayEquals(new float[] {3, 0, 7}, Tensor.of(new long[][] {{3, 0, 7}}).data());
        assertArrayEquals(new float[] {1, 0}, Tensor.of(new boolean[] {true, false}).data());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class, () -> Tensor.of(new int[][] {{1, 2}, {3}}));
        assertTrue(ragged.getMessage().contains("ragged"), ragged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new Character[] {'a'}));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new float[0][]));
    }

    @Test
    void stringsMakeStringTensors() {
        Tensor t = Tensor.of(new String[][] {{"a", "é"}, {"", "日本"}, {"x", "y"}});
        assertTrue(t.isString());
        assertEquals(Shape.of(3, 2), t.shape());
        assertArrayEquals(new String[] {"a", "é", "", "日本", "x", "y"}, t.strings());
        assertEquals(2, t.rowSize());
        assertEquals(Shape.of(6), t.reshape(Shape.of(6)).shape());
        assertArrayEquals(t.strings(), t.reshape(Shape.of(6)).strings());
        assertThrows(IllegalStateException.class, t::data);
        assertThrows(IllegalStateException.class, () -> Tensor.of(new float[] {1}).strings());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofStrings(new String[] {"a", null}, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofStrings(new String[] {"a"}, 2));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new String[][] {{"a"}, {"b", "c"}}));
    }

    @Test
    void idsBeyondFloat32sExactRangeAreRefused() {
        assertArrayEquals(new float[] {16777216f, -5}, Tensor.ofInts(new int[] {1 << 24, -5}, 2).data());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.ofInts(new int[] {1, (1 << 24) + 1}, 2));
        assertTrue(e.getMessage().contains("16777217") && e.getMessage().contains("flat index 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.ofLongs(new long[] {1L << 40}, 1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(new long[][] {{1L << 40}}));
        assertArrayEquals(new float[] {1, 0, 1}, Tensor.ofBooleans(new boolean[] {true, false, true}, 1, 3).data());
    }

    @Test
    void aBufferIsCopiedFromItsPositionAndLeftUnmoved() {
        FloatBuffer b = FloatBuffer.wrap(new float[] {9, 1, 2, 3, 4});
        b.position(1);
        Tensor t = Tensor.of(b, 2, 2);
        assertArrayEquals(new float[] {1, 2, 3, 4}, t.data());
        assertEquals(1, b.position());
        assertThrows(IllegalArgumentException.class, () -> Tensor.of(b, 3, 2));
    }
}
