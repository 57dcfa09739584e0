package org.jkeras.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float sigmoid family, tanh and gelu against the exact formulas evaluated in double ({@link Erf}, checked in
 * {@link ErfTest}), on every 61st float bit pattern (70 million values, both signs, subnormals and infinities
 * included): sigmoid within 2.5 ulp, y · sigmoid(x) within 3.5 ulp, tanh within 1.5 ulp of the correctly rounded value; the exact gelu
 * within 14 ulp for −2 &lt; x &lt; −1 (erfc = 1 − erf cancels there) and 6 elsewhere; the tanh-form gelu within
 * 3.5 ulp for x ≥ −1 and, further out, within a relative (1 + |2u|)·2.4e−7, the rounding of u = √(2/π)(x + 0.044715x³)
 * in float carried through e^(2u). Against the double formulas, rounded once (measured maximum, asserted bound): exp 1.003
 * (1.5), expm1 for x ≤ 0 0.84 (1), elu(α = ½) 0.84 (1), selu 1.60 (2), celu(α = 2.5) 1.92 (2.5), log1p on [0, 1]
 * 1.32 (1.5, a geometric sweep), softplus and log_sigmoid 1.62 (2), mish 3.57 (4).
 */
class FloatExpTest {
    /** Distance of {@code got} from {@code exact} in ulps of the float nearest to {@code exact}. */
    private static double ulps(float got, double exact) {
        float nearest = (float) exact;
        if (got == nearest || Double.isNaN(exact) && Float.isNaN(got)) return 0;
        if (Double.isInfinite(exact) || Float.isInfinite(got)) return Double.POSITIVE_INFINITY;
        return Math.abs(got - exact) / Math.ulp(nearest == 0 ? Float.MIN_VALUE : nearest);
    }

    private static double exactSigmoid(double x) {
        double e = Math.exp(-Math.abs(x));
        return (x < 0 ? e : 1) / (1 + e);
    }

    @Test
    void sigmoidAndSiluOverTheFloats() {
        double worstSigmoid = 0, worstSilu = 0;
        for (long bits = 0; bits <= 0xFFFFFFFFL; bits += 61) {
            float x = Float.intBitsToFloat((int) bits);
            double s = exactSigmoid(x);
            worstSigmoid = Math.max(worstSigmoid, ulps(FloatExp.sigmoid(x), s));
            worstSilu = Math.max(worstSilu, ulps(FloatExp.timesSigmoid(x, x), x * s));
        }
        assertTrue(worstSigmoid <= 2.5, "sigmoid: " + worstSigmoid + " ulp");
        assertTrue(worstSilu <= 3.5, "silu: " + worstSilu + " ulp");
    }

    @Test
    void tanhOverTheFloats() {
        double worst = 0;
        for (long bits = 0; bits <= 0xFFFFFFFFL; bits += 61) {
            float x = Float.intBitsToFloat((int) bits);
            worst = Math.max(worst, ulps(FloatExp.tanh(x), Math.tanh(x)));
        }
        assertTrue(worst <= 1.5, "tanh: " + worst + " ulp");
        assertEquals(-0f, FloatExp.tanh(-0f));
        assertEquals(1f, FloatExp.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, FloatExp.tanh(Float.NEGATIVE_INFINITY));
    }

    @Test
    void geluOverTheFloats() {
        double worstNearMinus1 = 0, worstErf = 0, worstTanh = 0;
        for (long bits = 0; bits <= 0xFFFFFFFFL; bits += 61) {
            float x = Float.intBitsToFloat((int) bits);
            double u = ulps(FloatExp.geluErf(x), 0.5 * x * Erf.erfc(-x * Math.sqrt(0.5)));
            if (x > -2 && x < -1) worstNearMinus1 = Math.max(worstNearMinus1, u);
            else worstErf = Math.max(worstErf, u);
            double u2 = 2 * Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * (double) x * x), t = x / (1 + Math.exp(-u2));
            float got = FloatExp.geluTanh(x);
            if (!Double.isFinite(t)) {
                assertEquals((float) t, got, "tanh-form gelu at " + x);
            } else if (Math.abs(t) > 1e-30) {
                double allowed = x >= -1 ? 3.5 : Math.max(3.5, (1 + Math.abs(u2)) * 2.4e-7 * Math.abs(t) / Math.ulp((float) t));
                worstTanh = Math.max(worstTanh, ulps(got, t) / allowed);
            }
        }
        assertTrue(worstNearMinus1 <= 14, "gelu on (−2, −1): " + worstNearMinus1 + " ulp");
        assertTrue(worstErf <= 6, "gelu: " + worstErf + " ulp");
        assertTrue(worstTanh <= 1, "tanh-form gelu: " + worstTanh + " of its bound");
    }

    @Test
    void productWithAnyFactor() {
        SplittableRandom random = new SplittableRandom(3);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            float y = (float) (random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-30, 30)));
            float x = (float) random.nextDouble(-180, 40);
            double exact = y * exactSigmoid(x);
            if (Math.abs(exact) < 1e30) worst = Math.max(worst, ulps(FloatExp.timesSigmoid(y, x), exact));
        }
        assertTrue(worst <= 3.5, "y · sigmoid(x): " + worst + " ulp");
    }

    /** The worst ulp error of {@code f} against {@code exact} over every 61st float bit pattern with the given sign bit. */
    private static double worst(boolean negative, java.util.function.DoubleUnaryOperator exact, java.util.function.Function<Float, Float> f) {
        double worst = 0;
        long from = negative ? 0x80000000L : 0;
        for (long bits = from; bits <= from + 0x7FFFFFFFL; bits += 61) {
            float x = Float.intBitsToFloat((int) bits);
            worst = Math.max(worst, ulps(f.apply(x), exact.applyAsDouble(x)));
        }
        return worst;
    }

    private static double exactSoftplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Test
    void expOverTheFloats() {
        double worst = Math.max(worst(false, Math::exp, FloatExp::exp), worst(true, Math::exp, FloatExp::exp));
        assertTrue(worst <= 1.5, "exp: " + worst + " ulp");
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(88.73f));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatExp.exp(Float.NEGATIVE_INFINITY));
        assertEquals(0f, FloatExp.exp(-104f));
        assertEquals(1f, FloatExp.exp(-0f));
        assertTrue(Float.isNaN(FloatExp.exp(Float.NaN)));
    }

    @Test
    void expm1OverTheNegativeFloats() {
        double worst = worst(true, Math::expm1, FloatExp::expm1);
        assertTrue(worst <= 1, "expm1: " + worst + " ulp");
        assertEquals(-1f, FloatExp.expm1(Float.NEGATIVE_INFINITY));
        assertEquals(-1e-40f, FloatExp.expm1(-1e-40f));
        assertTrue(Float.isNaN(FloatExp.expm1(Float.NaN)));
    }

    @Test
    void eluSeluCeluOverTheNegativeFloats() {
        double elu = worst(true, x -> 0.5 * Math.expm1(x), x -> new Elu(0.5f).apply(x));
        double selu = worst(true, x -> Selu.SCALE * Selu.ALPHA * Math.expm1(x), x -> new Selu().apply(x));
        double celu = worst(true, x -> 2.5 * Math.expm1(x / 2.5), x -> new Celu(2.5f).apply(x));
        assertTrue(elu <= 1, "elu(0.5): " + elu + " ulp");
        assertTrue(selu <= 2, "selu: " + selu + " ulp");
        assertTrue(celu <= 2.5, "celu(2.5): " + celu + " ulp");
    }

    @Test
    void softplusAndLogSigmoidOverTheFloats() {
        double log1p = 0;
        for (float u = 0; u <= 1; u = Math.nextUp(u + u * 1e-4f)) log1p = Math.max(log1p, ulps(FloatExp.log1p(u), Math.log1p(u)));
        java.util.function.Function<Float, Float> sp = x -> new Softplus().apply(x), ls = x -> new LogSigmoid().apply(x);
        double softplus = Math.max(worst(false, FloatExpTest::exactSoftplus, sp), worst(true, FloatExpTest::exactSoftplus, sp));
        double logSigmoid = Math.max(worst(false, x -> -exactSoftplus(-x), ls), worst(true, x -> -exactSoftplus(-x), ls));
        assertTrue(log1p <= 1.5, "log1p: " + log1p + " ulp");
        assertTrue(softplus <= 2, "softplus: " + softplus + " ulp");
        assertTrue(logSigmoid <= 2, "log_sigmoid: " + logSigmoid + " ulp");
    }

    @Test
    void mishOverTheFloats() {
        java.util.function.DoubleUnaryOperator exact = x -> x * Math.tanh(exactSoftplus(x));
        double worst = Math.max(worst(false, exact, FloatExp::mish), worst(true, exact, FloatExp::mish));
        assertTrue(worst <= 4, "mish: " + worst + " ulp");
        assertEquals(-0f, FloatExp.mish(-0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.mish(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(FloatExp.mish(Float.NEGATIVE_INFINITY)), "−inf · tanh(0), as in double");
    }

    @Test
    void limits() {
        assertEquals(0.5f, FloatExp.sigmoid(0f));
        assertEquals(1f, FloatExp.sigmoid(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatExp.sigmoid(Float.NEGATIVE_INFINITY));
        assertEquals(0f, FloatExp.timesSigmoid(-1e30f, -1e30f) + 0f, "x · e^x vanishes for huge negative x");
        assertEquals(1e30f, FloatExp.timesSigmoid(1e30f, 1e30f));
        assertTrue(Float.isNaN(FloatExp.sigmoid(Float.NaN)));
        assertTrue(Float.isNaN(FloatExp.timesSigmoid(Float.NaN, 1f)));
        assertEquals((float) Math.exp(-100), FloatExp.sigmoid(-100f), "a subnormal e^x rounded once");
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.geluErf(Float.POSITIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, FloatExp.geluTanh(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatExp.geluErf(-30f) + 0f);
        assertEquals(0f, FloatExp.geluErf(0f));
        assertTrue(Float.isNaN(FloatExp.geluErf(Float.NaN)));
    }
}
