package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.arange;
import static org.jkeras.runtime.layers.LayerTesting.assertBits;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.layers.TFOpLambda.Op;
import org.junit.jupiter.api.Test;

/** TFOpLambda: tensor-constant ops in both orders, broadcasting a constant, tensor-tensor ops. */
class TFOpLambdaTest {
    /** x = 1..12 as (b=2, 2, 3). */
    static final Tensor X = arange(1, 2, 2, 3);

    static Tensor scalar(float v) {
        return tensor(new float[] {v}); // shape ()
    }

    static float[] map(float[] x, java.util.function.DoubleUnaryOperator f) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = (float) f.applyAsDouble(x[i]);
        return y;
    }

    @Test
    void multiplyByScalarConstant() {
        Tensor out = run(new TFOpLambda("mul", "math.multiply", Op.MULTIPLY, scalar(2), false), X);
        assertEquals(shape(2, 2, 3), out.shape());
        assertBits(new float[] {2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24}, out.data());
    }

    @Test
    void subtractBothOrders() {
        Tensor c = tensor(new float[] {10}, 1);
        assertBits(new float[] {-9, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2},
                run(new TFOpLambda("sub", "math.subtract", Op.SUBTRACT, c, false), X).data());
        assertBits(new float[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, -1, -2},
                run(new TFOpLambda("rsub", "math.subtract", Op.SUBTRACT, c, true), X).data());
    }

    @Test
    void divideBothOrders() {
        float[] x = X.data();
        float[] xOver4 = new float[12], fourOverX = new float[12];
        for (int i = 0; i < 12; i++) {
            xOver4[i] = x[i] / 4f;
            fourOverX[i] = 4f / x[i];
        }
        assertBits(xOver4, run(new TFOpLambda("div", "math.truediv", Op.DIVIDE, scalar(4), false), X).data());
        assertBits(fourOverX, run(new TFOpLambda("rdiv", "math.truediv", Op.DIVIDE, scalar(4), true), X).data());
        // by hand: x / 4 starts 0.25, 0.5, 0.75, 1; 4 / x starts 4, 2, 4/3, 1
        assertBits(new float[] {0.25f, 0.5f, 0.75f, 1}, java.util.Arrays.copyOf(xOver4, 4));
        assertBits(new float[] {4, 2, 4f / 3f, 1}, java.util.Arrays.copyOf(fourOverX, 4));
    }

    @Test
    void powMaximumMinimumWithConstant() {
        assertBits(map(X.data(), v -> v * v), run(new TFOpLambda("pow", "math.pow", Op.POW, scalar(2), false), X).data());
        // 2 ** x: 2, 4, 8, ...
        assertBits(map(X.data(), v -> Math.pow(2, v)), run(new TFOpLambda("rpow", "math.pow", Op.POW, scalar(2), true), X).data());
        assertBits(new float[] {5, 5, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12},
                run(new TFOpLambda("max", "math.maximum", Op.MAXIMUM, scalar(5), false), X).data());
        assertBits(new float[] {1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5},
                run(new TFOpLambda("min", "math.minimum", Op.MINIMUM, scalar(5), true), X).data());
    }

    /** A constant of shape (1, 1, 3) against (batch, 2, 3): one value per column, every sample and row. */
    @Test
    void constantBroadcastsAgainstBatchAndRows() {
        Tensor c = tensor(new float[] {1, 10, 100}, 1, 1, 3);
        float[] expectedMul = new float[12], expectedRsub = new float[12];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    int at = b * 6 + i * 3 + j;
                    expectedMul[at] = X.data()[at] * c.data()[j];
                    expectedRsub[at] = c.data()[j] - X.data()[at];
                }
            }
        }
        Tensor out = run(new TFOpLambda("mul", "math.multiply", Op.MULTIPLY, c, false), X);
        assertEquals(shape(2, 2, 3), out.shape());
        assertBits(expectedMul, out.data());
        assertBits(new float[] {1, 20, 300, 4, 50, 600, 7, 80, 900, 10, 110, 1200}, out.data());
        assertBits(expectedRsub, run(new TFOpLambda("rsub", "math.subtract", Op.SUBTRACT, c, true), X).data());
    }

    @Test
    void lowerRankConstantsAlignFromTheRight() {
        // (2, 3) constant: one value per sample position, the same for every batch row
        Tensor c = tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertBits(new float[] {2, 4, 6, 8, 10, 12, 8, 10, 12, 14, 16, 18},
                run(new TFOpLambda("add", "__operators__.add", Op.ADD, c, false), X).data());
        // (2, 1) constant: one value per row
        Tensor r = tensor(new float[] {0, 100}, 2, 1);
        assertBits(new float[] {1, 2, 3, 104, 105, 106, 7, 8, 9, 110, 111, 112},
                run(new TFOpLambda("add", "__operators__.add", Op.ADD, r, false), X).data());
    }

    @Test
    void tensorTensorOps() {
        Tensor y = arange(-6, 2, 2, 3);
        float[] sum = new float[12], quot = new float[12];
        for (int i = 0; i < 12; i++) {
            sum[i] = X.data()[i] + y.data()[i];
            quot[i] = y.data()[i] / X.data()[i];
        }
        assertBits(sum, run(new TFOpLambda("add", "__operators__.add", Op.ADD, null, false), X, y).data());
        assertBits(quot, run(new TFOpLambda("div", "math.truediv", Op.DIVIDE, null, false), y, X).data());
    }

    @Test
    void tensorTensorBroadcast() {
        // (b, 2, 3) * (b, 1, 3)
        Tensor y = tensor(new float[] {1, 0, -1, 2, 3, 4}, 2, 1, 3);
        float[] expected = new float[12];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) expected[b * 6 + i * 3 + j] = X.data()[b * 6 + i * 3 + j] * y.data()[b * 3 + j];
        }
        assertBits(expected, run(new TFOpLambda("mul", "math.multiply", Op.MULTIPLY, null, false), X, y).data());
        Tensor out = run(new TFOpLambda("mul", "math.multiply", Op.MULTIPLY, null, false), y, X);
        assertEquals(shape(2, 2, 3), out.shape());
        assertBits(expected, out.data());
    }

    @Test
    void outputShapes() {
        assertEquals(shape(2, 3), new TFOpLambda("t", "f", Op.ADD, tensor(new float[3], 1, 1, 3), false).outputShape(List.of(shape(2, 3))));
        assertEquals(shape(2, 3), new TFOpLambda("t", "f", Op.ADD, null, false).outputShape(List.of(shape(2, 3), shape(1, 3))));
    }

    @Test
    void errorsNameTheLayer() {
        assertNamedError("tf_op_1", () -> new TFOpLambda("tf_op_1", "f", Op.ADD, tensor(new float[3], 1, 1, 1, 3), false)
                .outputShape(List.of(shape(2, 3))));
        assertNamedError("tf_op_1", () -> new TFOpLambda("tf_op_1", "f", Op.ADD, tensor(new float[4], 1, 1, 4), false)
                .outputShape(List.of(shape(2, 3))));
        assertNamedError("tf_op_1", () -> new TFOpLambda("tf_op_1", "f", Op.ADD, scalar(1), false)
                .outputShape(List.of(shape(2, 3), shape(2, 3))));
        assertNamedError("tf_op_1", () -> new TFOpLambda("tf_op_1", "f", Op.ADD, null, false).outputShape(List.of(shape(2, 3))));
    }
}
