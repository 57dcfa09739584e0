package org.jkeras.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** No NaN or infinity where the true value is a finite float, in both the reference and the batched form. */
class NumericsTest {
    private static final float[] EXTREMES = {88, -88, 89, -89, 100, -100, -50, 50, 1e30f, -1e30f, 3e38f, -3e38f};

    /** Applies both forms; returns the reference after checking the batched form agrees to 2 ulps. */
    private static float[] both(Activation a, float... x) {
        float[] ref = x.clone(), got = x.clone();
        int width = a.isElementwise() ? 1 : x.length, rows = x.length / width;
        a.referenceRows(ref, 0, rows, width);
        a.applyRows(got, 0, rows, width);
        for (int i = 0; i < rows * a.outputWidth(width); i++) {
            assertTrue(KernelAgreementTest.ulpDistance(ref[i], got[i]) <= 2, a + ": " + ref[i] + " vs " + got[i]);
        }
        return ref;
    }

    private static void assertFinite(Activation a, float... x) {
        float[] y = both(a, x);
        for (int i = 0; i < y.length; i++) assertTrue(Float.isFinite(y[i]), a + " at " + x[i] + " gave " + y[i]);
    }

    @Test
    void smoothActivationsStayFiniteAtExtremes() {
        for (String name : List.of("sigmoid", "softplus", "log_sigmoid", "silu", "swish", "mish", "tanh", "elu",
            "selu", "celu", "gelu", "squareplus", "tanh_shrink", "softsign", "hard_silu", "sparse_plus")) {
            assertFinite(Activations.byName(name, Semantics.KERAS_3), EXTREMES);
        }
        assertFinite(Activations.gelu(true), EXTREMES);
    }

    @Test
    void valuesAtExtremes() {
        Semantics s = Semantics.KERAS_3;
        float[] sp = both(Activations.byName("softplus", s), 1e30f, -1e30f, 100, -100);
        assertEquals(1e30f, sp[0]);
        assertEquals(0f, sp[1]);
        assertEquals(100f, sp[2]);
        assertEquals((float) Math.exp(-100), sp[3], "log(1 + e^-100) = e^-100 to float precision");
        float[] ls = both(Activations.byName("log_sigmoid", s), -1e30f, 1e30f, -100);
        assertEquals(-1e30f, ls[0]);
        assertEquals(0f, ls[1] + 0f);
        assertEquals(-100f, ls[2]);
        float[] sig = both(Activations.sigmoid(), 88, -88, 100, -100, 1e30f, -1e30f);
        assertEquals(1f, sig[0]);
        assertEquals((float) (1 / (1 + Math.exp(88))), sig[1]);
        assertEquals(1f, sig[2]);
        assertEquals((float) Math.exp(-100), sig[3]);
        assertEquals(1f, sig[4]);
        assertEquals(0f, sig[5]);
        assertEquals((float) Math.exp(88), both(Activations.byName("exponential", s), 88)[0], "e^88 = 1.65e38 is finite");
        double eluAt50 = Math.expm1(-50);
        assertEquals((float) eluAt50, both(Activations.byName("elu", s), -50)[0]);
        assertEquals((float) (1.0507009873554805 * 1.6732632423543772 * eluAt50), both(Activations.byName("selu", s), -50)[0]);
        assertEquals((float) eluAt50, both(Activations.byName("celu", s), -50)[0]);
        float[] silu = both(Activations.byName("silu", s), 1e30f, -1e30f, -100);
        assertEquals(1e30f, silu[0]);
        assertEquals(0f, silu[1] + 0f);
        assertEquals((float) (-100 / (1 + Math.exp(100))), silu[2]);
        float[] mish = both(Activations.byName("mish", s), 1e30f, -1e30f);
        assertEquals(1e30f, mish[0]);
        assertEquals(0f, mish[1] + 0f);
        float[] sq = both(Activations.byName("squareplus", s), 1e30f, -1e30f, -1e10f);
        assertEquals(1e30f, sq[0]);
        assertEquals(1e-30f, sq[1], 1e-36f, "b / (4|x|)");
        assertEquals(1e-10f, sq[2], 1e-16f);
        float[] gelu = both(Activations.byName("gelu", s), 1e30f, -1e30f, -10);
        assertEquals(1e30f, gelu[0]);
        assertEquals(0f, gelu[1] + 0f);
        assertEquals(-10 * 7.619853024160527e-24, gelu[2], 1e-29, "x·Φ(x), Φ(-10) = 7.619853024160527e-24");
    }

    @Test
    void softmaxWithHugeLogits() {
        assertFinite(Activations.softmax(), 1e30f, -1e30f, 0, 88, 3e38f, -3e38f);
        for (Activation a : List.of(Activations.softmax(), Activations.logSoftmax())) {
            assertFinite(a, 1e30f, -1e30f, 0, 88);
            assertFinite(a, 100, 89, 88, -100);
            assertFinite(a, -1e30f, -1e30f, -1e30f);
        }
        float[] p = both(Activations.softmax(), 1000, 1000, 0);
        assertEquals(0.5f, p[0]);
        assertEquals(0.5f, p[1]);
        assertEquals(0f, p[2]);
        float[] lp = both(Activations.logSoftmax(), 1000, 0, -1000);
        assertEquals(0f, lp[0] + 0f);
        assertEquals(-1000f, lp[1]);
        assertEquals(-2000f, lp[2]);
        float[] dominant = both(Activations.logSoftmax(), 30, 0);
        assertEquals((float) -Math.log1p(Math.exp(-30)), dominant[0], "keeps the tiny negative log-probability");
    }

    /** keras/src/backend/numpy/nn.py: exp(x − max(x)) with max = −inf gives exp(NaN), so Keras returns NaN. */
    @Test
    void rowsWithoutAFiniteMaximumAreNaNAsInKeras() {
        float inf = Float.POSITIVE_INFINITY;
        for (Activation a : List.of(Activations.softmax(), Activations.logSoftmax())) {
            for (float[] row : new float[][] {{-inf, -inf, -inf}, {inf, 1, 2}, {Float.NaN, 1, 2}}) {
                for (float y : both(a, row)) assertTrue(Float.isNaN(y), a + " " + java.util.Arrays.toString(row));
            }
        }
        float[] p = both(Activations.softmax(), -inf, 0, -inf);
        assertEquals(0f, p[0]);
        assertEquals(1f, p[1]);
        assertEquals(Float.NEGATIVE_INFINITY, both(Activations.logSoftmax(), -inf, 0)[0], "log 0 = -inf, as Keras");
    }
}
