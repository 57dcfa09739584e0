package org.jkeras.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Shape op nodes on small tensors whose values are their flat positions, each expected element written as the
 * position it reads; the per-sample shapes stated at load when an op moves, merges or repeats the batch axis.
 */
class ShapeOpsTest {
    static final int U = Shape.UNKNOWN;
    static final Tensor X = GetItemTest.iota(2, 3, 4); // x[a][b][c] = 12a + 4b + c

    static float x(int a, int b, int c) {
        return 12 * a + 4 * b + c;
    }

    static Tensor run(TensorOp op, Tensor... in) {
        return op.forward(List.of(in));
    }

    @Test
    void transposeWithoutAxesPutsTheBatchLast() {
        Transpose t = new Transpose("t", null);
        Tensor y = run(t, X);
        assertArrayEquals(new int[] {4, 3, 2}, y.shape().dims());
        for (int c = 0; c < 4; c++) for (int b = 0; b < 3; b++) for (int a = 0; a < 2; a++) assertEquals(x(a, b, c), y.data()[(c * 3 + b) * 2 + a]);
        assertEquals(Shape.of(3, U), t.outputShape(List.of(Shape.of(3, 4))), "(4, 3, batch) without its first axis");
        assertEquals(Shape.of(U, 4), new Transpose("t", new int[] {1, 0, 2}).outputShape(List.of(Shape.of(3, 4))));
        assertThrows(IllegalArgumentException.class, () -> new Transpose("t", new int[] {0, 0, 1}).outputShape(List.of(Shape.of(3, 4))));
    }

    @Test
    void reshapeMayFoldTheBatchAxis() {
        assertEquals(Shape.of(12), new Reshape("r", new int[] {-1, 12}).outputShape(List.of(Shape.of(3, 4))));
        assertEquals(Shape.of(U), new Reshape("r", new int[] {2, -1}).outputShape(List.of(Shape.of(3, 4))), "-1 holds the batch: unknown at load");
        Tensor y = run(new Reshape("r", new int[] {-1, 2, 2}), X);
        assertArrayEquals(new int[] {6, 2, 2}, y.shape().dims());
        assertArrayEquals(X.data(), y.data());
        assertThrows(IllegalArgumentException.class, () -> run(new Reshape("r", new int[] {5, -1}), X), "24 values do not fill rows of 5");
        assertThrows(IllegalArgumentException.class, () -> new Reshape("r", new int[] {-1, -1}));
    }

    @Test
    void expandAndSqueeze() {
        assertArrayEquals(new int[] {2, 1, 3, 1, 4}, run(new ExpandDims("e", new int[] {1, -2}), X).shape().dims());
        assertArrayEquals(new int[] {1, 2, 3, 4}, run(new ExpandDims("e", new int[] {0}), X).shape().dims());
        Tensor one = GetItemTest.iota(1, 1, 3, 1);
        assertArrayEquals(new int[] {1, 3}, run(new Squeeze("s", null), one).shape().dims(), "axis None keeps a batch of one");
        assertArrayEquals(new int[] {1, 3, 1}, run(new Squeeze("s", new int[] {1}), one).shape().dims());
        assertArrayEquals(new int[] {3}, run(new Squeeze("s", new int[] {0, -1, 1}), one).shape().dims());
        assertThrows(IllegalArgumentException.class, () -> run(new Squeeze("s", new int[] {2}), one));
    }

    @Test
    void tileRepeatBroadcastFlip() {
        Tensor t = run(new Tile("t", new int[] {2, 1, 3}), X);
        assertArrayEquals(new int[] {4, 3, 12}, t.shape().dims());
        for (int a = 0; a < 4; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 12; c++) assertEquals(x(a % 2, b, c % 4), t.data()[(a * 3 + b) * 12 + c]);
        assertArrayEquals(new int[] {1, 2, 3, 8}, run(new Tile("t", new int[] {1, 1, 1, 2}), X).shape().dims());
        Tensor r = run(new Repeat("r", new int[] {0, 2, 1}, 1), X);
        assertArrayEquals(new int[] {2, 3, 4}, r.shape().dims());
        int[] src = {1, 1, 2};
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 4; c++) assertEquals(x(a, src[b], c), r.data()[(a * 3 + b) * 4 + c]);
        Tensor flat = run(new Repeat("r", new int[] {2}, null), X);
        assertArrayEquals(new int[] {48}, flat.shape().dims());
        for (int i = 0; i < 48; i++) assertEquals(i / 2, flat.data()[i]);
        assertThrows(IllegalArgumentException.class, () -> run(new Repeat("r", new int[] {1, 2}, 1), X));
        Tensor bc = run(new BroadcastTo("b", new int[] {5, 2, 3, 4}), X);
        for (int i = 0; i < bc.size(); i++) assertEquals(i % 24, bc.data()[i]);
        assertThrows(IllegalArgumentException.class, () -> run(new BroadcastTo("b", new int[] {2, 2, 4}), X));
        Tensor f = run(new Flip("f", null), X);
        for (int i = 0; i < 24; i++) assertEquals(23 - i, f.data()[i]);
        Tensor f1 = run(new Flip("f", new int[] {-1}), X);
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int c = 0; c < 4; c++) assertEquals(x(a, b, 3 - c), f1.data()[a * 12 + b * 4 + c]);
    }

    @Test
    void joinAndSplit() {
        Tensor c = GetItemTest.iota(1, 3, 4);
        Concatenate cat = new Concatenate("c", 0, new int[] {0, -1}, new Tensor[] {null, c});
        assertEquals(Shape.of(3, 4), cat.outputShape(List.of(Shape.of(3, 4))));
        Tensor y = run(cat, X);
        assertArrayEquals(new int[] {3, 3, 4}, y.shape().dims(), "batch of 2 and a constant row");
        for (int i = 0; i < 36; i++) assertEquals(i < 24 ? i : i - 24, y.data()[i]);
        Tensor s = new Stack("s", 0, new int[] {0, 0}, new Tensor[2]).forward(List.of(X));
        assertArrayEquals(new int[] {2, 2, 3, 4}, s.shape().dims());
        assertEquals(Shape.of(U, 3, 4), new Stack("s", 0, new int[] {0, 0}, new Tensor[2]).outputShape(List.of(Shape.of(3, 4))), "the batch second");
        Tensor s2 = new Stack("s", -1, new int[] {0, 1}, new Tensor[2]).forward(List.of(X, X));
        for (int i = 0; i < 24; i++) assertEquals(i, s2.data()[2 * i]);
        Split split = new Split("sp", 0, new int[] {1, 3}, -1);
        List<Tensor> parts = split.forwardAll(List.of(X));
        assertEquals(3, split.outputCount());
        assertEquals(List.of(Shape.of(3, 1), Shape.of(3, 2), Shape.of(3, 1)), split.outputShapes(List.of(Shape.of(3, 4))));
        assertArrayEquals(new float[] {1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22}, parts.get(1).data());
        assertThrows(IllegalArgumentException.class, () -> new Split("sp", 3, null, -1).forwardAll(List.of(X)), "4 does not split in 3");
    }

    @Test
    void takeCountsNegativeIndicesAndRefusesOthersOutOfRange() {
        Take take = new Take("t", -1, new int[] {0, -1}, new Tensor[] {null, Tensor.of(new float[] {3, -4, -1}, 3)});
        Tensor y = run(take, X);
        assertArrayEquals(new int[] {2, 3, 3}, y.shape().dims());
        int[] idx = {3, 0, 3};
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int k = 0; k < 3; k++) assertEquals(x(a, b, idx[k]), y.data()[(a * 3 + b) * 3 + k]);
        for (float bad : new float[] {4, -5}) {
            Take t = new Take("t", -1, new int[] {0, -1}, new Tensor[] {null, Tensor.of(new float[] {bad}, 1)});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(t, X));
            assertTrue(e.getMessage().contains("out of range"), e.getMessage());
        }
        Take byTensor = new Take("t", 1, new int[] {0, 1}, new Tensor[2]);
        assertEquals(Shape.of(U, 2, 4), byTensor.outputShape(List.of(Shape.of(3, 4), Shape.of(2))), "(batch, batch, 2, 4)");
    }
}
