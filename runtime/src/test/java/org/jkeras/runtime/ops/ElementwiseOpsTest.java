package org.jkeras.runtime.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** Semantics of the unary, reduction and selection op nodes, checked against formulas written out by hand. */
class ElementwiseOpsTest {

    private static float[] unary(UnaryOp.Fn fn, float p, float... x) {
        return new UnaryOp("u", "U", fn, p).forward(List.of(Tensor.of(x, 1, x.length))).data();
    }

    @Test
    void roundIsHalfToEven() {
        assertArrayEquals(new float[] {0, 2, 2, -0f, -2, 4, -4, 1}, unary(UnaryOp.Fn.ROUND, 0, 0.5f, 1.5f, 2.5f, -0.5f, -2.5f, 3.5f, -3.5f, 0.51f));
    }

    @Test
    void roundWithDecimalsScalesInFloat32() {
        // 0.25 * 10 = 2.5 -> 2; 0.35f * 10 = 3.5 (float32) -> 4; 0.15f * 10 = 1.5 -> 2; 1234 with -2 -> 12.34 -> 12 -> 1200
        assertArrayEquals(new float[] {0.2f, 0.4f, 0.2f}, unary(UnaryOp.Fn.ROUND, 1, 0.25f, 0.35f, 0.15f));
        assertArrayEquals(new float[] {1200f, 1300f}, unary(UnaryOp.Fn.ROUND, -2, 1234f, 1250.5f));
    }

    @Test
    void castToIntTruncatesAndGivesIntMinForNan() {
        assertArrayEquals(new float[] {2, -2, 0, -2147483648f, -2147483648f}, unary(UnaryOp.Fn.TO_INT, 32, 2.7f, -2.7f, -0.3f, Float.NaN, 1e10f));
        // as TensorFlow 2.21's vectorised kernel gives them: through int32 saturating to 8/16 bits, through int64 for
        // uint32 and 64 bits keeping the low bits
        float[] x = {300.7f, -1.5f, Float.NaN, 1e10f, -129.5f, 65535.9f};
        assertArrayEquals(new float[] {127, -1, -128, -128, -128, 127}, unary(UnaryOp.Fn.TO_INT, 8, x));
        assertArrayEquals(new float[] {255, 0, 0, 0, 0, 255}, unary(UnaryOp.Fn.TO_INT, -8, x));
        assertArrayEquals(new float[] {300, -1, -32768, -32768, -129, 32767}, unary(UnaryOp.Fn.TO_INT, 16, x));
        assertArrayEquals(new float[] {300, 0, 0, 0, 0, 65535}, unary(UnaryOp.Fn.TO_INT, -16, x));
        assertArrayEquals(new float[] {300, 4294967295f, 0, 1410065408f, 4294967167f, 65535}, unary(UnaryOp.Fn.TO_INT, -32, x));
        assertArrayEquals(new float[] {300, -1, -0x1p63f, 1e10f, -129, 65535}, unary(UnaryOp.Fn.TO_INT, 64, x));
        assertArrayEquals(new float[] {300, 0x1p64f, 0x1p63f, 1e10f, 0x1p64f, 65535}, unary(UnaryOp.Fn.TO_INT, -64, x));
        assertArrayEquals(new float[] {1, 0, 1, 1}, unary(UnaryOp.Fn.TO_BOOL, 0, 2f, 0f, -0.1f, Float.NaN));
    }

    @Test
    void saturateCastClipsToTheDtypeRangeAsKerasComputesIt() {
        assertArrayEquals(new float[] {255, 0, 7}, unary(UnaryOp.Fn.SATURATE_INT, -8, 300f, -5f, 7.9f));
        assertArrayEquals(new float[] {127, -128}, unary(UnaryOp.Fn.SATURATE_INT, 8, 300f, -500f));
        // int32: the bound 2^31 - 1 rounds to 2^31 in float32 and Keras keeps it, so the cast overflows
        assertArrayEquals(new float[] {-0x1p31f, -0x1p31f}, unary(UnaryOp.Fn.SATURATE_INT, 32, 1e10f, -1e10f));
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2};
        assertArrayEquals(new float[] {0, Float.MAX_VALUE, -Float.MAX_VALUE, 2},
                new NanToNum("n", 0, Float.MAX_VALUE, -Float.MAX_VALUE).forward(List.of(Tensor.of(special, 1, 4))).data());
        assertArrayEquals(new float[] {1, 5, -5, 2}, new NanToNum("n", 1, 5, -5).forward(List.of(Tensor.of(special, 1, 4))).data());
    }

    @Test
    void sqrtAndLogOfNegativesAreNan() {
        float[] r = unary(UnaryOp.Fn.SQRT, 0, -1f, 4f);
        assertEquals(Float.NaN, r[0]);
        assertEquals(2f, r[1]);
        assertEquals(Float.NEGATIVE_INFINITY, unary(UnaryOp.Fn.LOG, 0, 0f)[0]);
        assertEquals(Float.NaN, unary(UnaryOp.Fn.SIGN, 0, Float.NaN)[0]);
    }

    private static Tensor reduce(Reduce.Fn fn, int[] axes, boolean keepdims, Tensor x) {
        return new Reduce("r", "R", fn, axes, keepdims).forward(List.of(x));
    }

    @Test
    void argmaxTakesTheFirstOfTiesAndRanksNegativeZeroLow() {
        Tensor x = Tensor.of(new float[] {1, 3, 3, 0, -0f, 0, 2, 2, 2}, 3, 3);
        assertArrayEquals(new float[] {1, 0, 0}, reduce(Reduce.Fn.ARGMAX, new int[] {-1}, false, x).data());
        assertArrayEquals(new float[] {0, 1, 0}, reduce(Reduce.Fn.ARGMIN, new int[] {1}, false, x).data());
        // over the batch axis: column maxima 2 (row 2), 3 (row 0), 3 (row 0)
        assertArrayEquals(new float[] {2, 0, 0}, reduce(Reduce.Fn.ARGMAX, new int[] {0}, false, x).data());
        Tensor all = reduce(Reduce.Fn.ARGMAX, null, true, x);
        assertEquals(Shape.of(1, 1), all.shape());
        assertEquals(1f, all.data()[0]);
    }

    @Test
    void stdAndVarArePopulationStatisticsOverTheChosenAxes() {
        float[] v = {1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16};
        Tensor x = Tensor.of(v, 2, 2, 3);
        // over axes (0, 2): groups j = 0 -> {1,2,3,7,8,10}, j = 1 -> {4,5,6,12,14,16}
        float[][] groups = {{1, 2, 3, 7, 8, 10}, {4, 5, 6, 12, 14, 16}};
        Tensor s = reduce(Reduce.Fn.STD, new int[] {0, 2}, false, x);
        assertEquals(Shape.of(2), s.shape());
        for (int g = 0; g < 2; g++) {
            double mean = 0, ss = 0;
            for (float f : groups[g]) mean += f / 6.0;
            for (float f : groups[g]) ss += (f - mean) * (f - mean);
            assertEquals((float) Math.sqrt(ss / 6), s.data()[g], 1e-6f);
        }
        Tensor var = reduce(Reduce.Fn.VAR, new int[] {1}, true, x);
        assertEquals(Shape.of(2, 1, 3), var.shape());
        assertEquals(2.25f, var.data()[0], 1e-6f); // {1, 4}: mean 2.5
        assertEquals(9f, var.data()[5], 1e-6f); // {10, 16}: mean 13
    }

    @Test
    void reducingEveryAxisHoldsOneValueAndKeepdimsKeepsTheRank() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor s = reduce(Reduce.Fn.SUM, null, false, x);
        assertEquals(Shape.of(1), s.shape());
        assertEquals(21f, s.data()[0]);
        Reduce r = new Reduce("r", "Sum", Reduce.Fn.SUM, null, false);
        assertEquals(Shape.of(), r.outputShape(List.of(Shape.of(3))));
        // (batch, 3, 5) summed over the batch axis is (3, 5): its first axis stands in for the batch axis
        assertEquals(Shape.of(5), new Reduce("r", "Sum", Reduce.Fn.SUM, new int[] {0}, false).outputShape(List.of(Shape.of(3, 5))));
        assertThrows(IllegalArgumentException.class, () -> new Reduce("r", "Sum", Reduce.Fn.SUM, new int[] {2}, false).outputShape(List.of(Shape.of(3))));
        assertArrayEquals(new float[] {720}, reduce(Reduce.Fn.PROD, new int[] {0, 1}, false, x).data());
        assertEquals((float) Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), reduce(Reduce.Fn.LOGSUMEXP, new int[] {1}, false, x).data()[0], 1e-6f);
    }

    @Test
    void whereAndClipBroadcastConstants() {
        Tensor c = Tensor.of(new float[] {1, 0, Float.NaN}, 1, 3);
        TernaryOp where = new TernaryOp("w", "Where", TernaryOp.Fn.WHERE, null, Tensor.of(new float[] {5}), Tensor.of(new float[] {-1, -2, -3}, 3));
        assertArrayEquals(new float[] {5, -2, 5}, where.forward(List.of(c)).data());
        TernaryOp clip = new TernaryOp("c", "Clip", TernaryOp.Fn.CLIP, null, Tensor.of(new float[] {-1}), Tensor.of(new float[] {1}));
        float[] r = clip.forward(List.of(Tensor.of(new float[] {-3, 0.5f, 3, Float.NaN}, 1, 4))).data();
        assertArrayEquals(new float[] {-1, 0.5f, 1, Float.NaN}, r);
    }

    @Test
    void oneHotPlacesTheClassAxisAndZeroesOutOfRange() {
        OneHot oh = new OneHot("o", 3, 1); // (batch, n) -> (batch, classes, n)
        Tensor y = oh.forward(List.of(Tensor.of(new float[] {0, 2, 3, -1}, 2, 2)));
        assertEquals(Shape.of(2, 3, 2), y.shape());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}, y.data());
    }
}
