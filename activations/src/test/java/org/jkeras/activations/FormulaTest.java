package org.jkeras.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Formulas at chosen points against values computed here in double from the textbook definitions, and the
 * examples printed in Keras' own docstrings.
 */
class FormulaTest {
    private static final Semantics K3 = Semantics.KERAS_3;

    private static float[] apply(Activation a, float... x) {
        float[] y = x.clone();
        a.referenceRows(y, 0, 1, y.length);
        float[] z = x.clone();
        a.applyRows(z, 0, 1, z.length);
        assertArrayEquals(y, z, Math.ulp(1f), a + ": batched form differs");
        return y;
    }

    private static float apply(String name, float x) {
        return apply(Activations.byName(name, K3), x)[0];
    }

    /** Within 2 float ulps of a double expectation. */
    private static void near(double expected, float actual, String what) {
        assertEquals(expected, actual, 2 * Math.ulp((float) expected) + Float.MIN_VALUE, what);
    }

    @Test
    void reluDocstringExamples() { // keras.activations.relu docstring
        float[] x = {-10, -5, 0, 5, 10};
        assertArrayEquals(new float[] {0, 0, 0, 5, 10}, apply(Activations.relu(), x));
        assertArrayEquals(new float[] {-5, -2.5f, 0, 5, 10}, apply(Activations.relu(0.5f, Float.NaN, 0), x));
        assertArrayEquals(new float[] {0, 0, 0, 5, 5}, apply(Activations.relu(0, 5, 0), x));
        assertArrayEquals(new float[] {-0f, -0f, 0, 0, 10}, apply(Activations.relu(0, Float.NaN, 5), x));
        // keras.layers.ReLU docstring: max_value=10, negative_slope=0.5, threshold=0
        assertArrayEquals(new float[] {-5, -2.5f, 0, 5, 10}, apply(Activations.relu(0.5f, 10, 0), x));
    }

    @Test
    void reluWithAllParameters() {
        // x > t ? x : s·(x − t), positive part capped at max_value: s = 0.1, max = 4, t = 1
        Activation r = Activations.relu(0.1f, 4, 1);
        assertArrayEquals(new float[] {-0.3f, -0.05f, 0, 2, 4, 4}, apply(r, -2, 0.5f, 1, 2, 4, 9), 1e-7f);
        assertEquals(0f, apply(r, 1)[0], "x == threshold gives 0");
        assertEquals(0f, apply(Activations.relu(0, 6, 0), -3)[0]);
        assertEquals(6f, apply(Activations.relu(0, 6, 0), 7)[0]);
        // a negative threshold lets (t, 0) through unless max_value clips it at 0
        assertEquals(-0.5f, apply(Activations.relu(0, Float.NaN, -1), -0.5f)[0]);
        assertEquals(0f, apply(Activations.relu(0, 3, -1), -0.5f)[0]);
    }

    @Test
    void leakyAndParametrisedDefaults() {
        assertEquals(-0.2f, apply("leaky_relu", -1), "string default slope 0.2 (Keras 3)");
        assertEquals(-0.6f, apply(Activations.leakyRelu(0.3f), -2)[0], 1e-7f);
        near(Math.expm1(-1), apply("elu", -1), "elu alpha 1");
        near(0.5 * Math.expm1(-2), apply(Activations.elu(0.5f), -2)[0], "elu alpha 0.5");
        near(Math.expm1(-1), apply("celu", -1), "celu alpha 1");
        near(2 * Math.expm1(-1.5), apply(Activations.celu(2), -3)[0], "celu alpha 2");
        assertEquals(0.25f, apply("soft_shrink", 0.75f), "threshold 0.5");
        assertEquals(0f, apply("soft_shrink", 0.5f));
        assertEquals(-0.25f, apply("soft_shrink", -0.75f));
        assertEquals(0f, apply("hard_shrink", 0.5f), "threshold 0.5, strict");
        assertEquals(0.51f, apply("hard_shrink", 0.51f));
        assertEquals(1f, apply("squareplus", 0), "b = 4: sqrt(4)/2");
        near(0.5, apply(Activations.squareplus(1), 0)[0], "b = 1");
        assertArrayEquals(new float[] {-7, 3, 5}, apply(Activations.threshold(2, -7), 1, 3, 5));
        assertEquals(-7f, apply(Activations.threshold(2, -7), 2)[0], "x == threshold takes the default");
    }

    @Test
    void hardSigmoidByGeneration() {
        assertEquals(0.7f, apply(Activations.hardSigmoid(Semantics.KERAS_1_2), 1)[0]);
        assertEquals(0.6666667f, apply(Activations.hardSigmoid(K3), 1)[0]);
        assertArrayEquals(new float[] {0, 0, 0.5f, 1, 1}, apply(Activations.hardSigmoid(Semantics.KERAS_1_2), -3, -2.5f, 0, 2.5f, 3));
        assertArrayEquals(new float[] {0, 0, 0.5f, 1, 1}, apply(Activations.hardSigmoid(K3), -4, -3, 0, 3, 4));
        near(-2.0 * (1 / 6.0), apply("hard_silu", -2), "x(x + 3)/6 at -2");
        assertEquals(4f, apply("hard_silu", 4));
        assertEquals(-0f, apply("hard_silu", -4), "x · 0, as Keras");
    }

    @Test
    void docstringExamples() {
        // keras.ops.sigmoid, sparse_sigmoid, squareplus, sparse_plus docstrings; keras.layers.Softmax
        assertArrayEquals(new float[] {0.00247262f, 0.7310586f, 0.5f, 0.7310586f, 0.9975274f},
            apply(Activations.sigmoid(), -6, 1, 0, 1, 6), 1e-7f);
        assertArrayEquals(new float[] {0, 1, 0.5f, 1, 1}, apply(Activations.byName("sparse_sigmoid", K3), -6, 1, 0, 1, 6));
        assertArrayEquals(new float[] {0.618034f, 1, 1.618034f}, apply(Activations.squareplus(4), -1, 0, 1), 1e-6f);
        assertArrayEquals(new float[] {0, 0.25f, 1}, apply(Activations.byName("sparse_plus", K3), -1, 0, 1));
        assertArrayEquals(new float[] {0.21194157f, 0.5761169f, 0.21194157f}, apply(Activations.softmax(), 1, 2, 1), 1e-7f);
    }

    @Test
    void smoothFunctionsAgainstClosedForms() {
        for (float x : new float[] {-7.5f, -2, -0.3f, 0.01f, 0.7f, 3, 9}) {
            double d = x, sig = 1 / (1 + Math.exp(-d)), sp = Math.log(1 + Math.exp(d));
            near(sig, apply("sigmoid", x), "sigmoid " + x);
            near(d * sig, apply("silu", x), "silu " + x);
            near(Math.tanh(d), apply("tanh", x), "tanh " + x);
            near(sp, apply("softplus", x), "softplus " + x);
            near(Math.log(sig), apply("log_sigmoid", x), "log_sigmoid " + x);
            near(d / (1 + Math.abs(d)), apply("softsign", x), "softsign " + x);
            near(Math.exp(d), apply("exponential", x), "exponential " + x);
            near(d * Math.tanh(sp), apply("mish", x), "mish " + x);
            near(d - Math.tanh(d), apply("tanh_shrink", x), "tanh_shrink " + x);
            near(d > 0 ? d : Math.exp(d) - 1, apply("elu", x), "elu " + x);
            near(1.0507009873554805 * (d > 0 ? d : 1.6732632423543772 * (Math.exp(d) - 1)), apply("selu", x), "selu " + x);
            near(Math.max(d, 0) + Math.min(0, Math.exp(d) - 1), apply("celu", x), "celu " + x);
            near((d + Math.sqrt(d * d + 4)) / 2, apply("squareplus", x), "squareplus " + x);
            double u = Math.sqrt(2 / Math.PI) * (d + 0.044715 * d * d * d); // 1 + tanh(u) cancels below x ≈ -5
            if (x > -5) near(0.5 * d * (1 + Math.tanh(u)), apply(Activations.gelu(true), x)[0], "gelu approximate " + x);
        }
        near(-2.0 / 3 - Math.tanh(-2.0 / 3), apply("tanh_shrink", -2f / 3), "tanh_shrink");
        near(1e-3 - Math.tanh(1e-3), apply("tanh_shrink", 1e-3f), "tanh_shrink, series branch");
    }

    @Test
    void geluExactUsesErf() { // 0.5x(1 + erf(x/√2)) with erf(1) = 0.8427007929497149, erf(1/√2) = 0.6826894921370859
        // float erf/erfc: within 6 ulp here (FloatExpTest)
        assertEquals(0.5 * Math.sqrt(2) * (1 + 0.8427007929497149), apply("gelu", (float) Math.sqrt(2)), 6 * Math.ulp(1.3f), "gelu sqrt2");
        assertEquals(0.5 * (1 + 0.6826894921370859), apply("gelu", 1), 6 * Math.ulp(0.84f), "gelu 1");
        assertEquals(-0.5 * (1 - 0.6826894921370859), apply("gelu", -1), 6 * Math.ulp(0.16f), "gelu -1");
        assertArrayEquals(new float[] {0.8413447f, 2.9959502f, 6f}, apply(Activations.gelu(false), 1, 3, 6), 1e-6f);
        assertEquals(0.841192f, apply(Activations.gelu(true), 1)[0], 1e-6f, "approximate differs from exact");
    }

    @Test
    void linearIsIdentityAndSkipped() {
        Activation linear = Activations.byName("linear", K3);
        assertEquals(true, linear.isIdentity());
        assertArrayEquals(new float[] {-1e30f, 0, Float.NaN, 3}, apply(linear, -1e30f, 0, Float.NaN, 3));
        assertEquals(false, Activations.relu().isIdentity());
    }
}
