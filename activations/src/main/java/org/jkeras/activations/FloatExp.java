package org.jkeras.activations;

/**
 * The float reference of the sigmoid family (sigmoid, silu, glu), tanh, gelu, softmax's exponential, exponential,
 * softplus, log_sigmoid, mish, elu, selu and celu.
 *
 * <p>y · sigmoid(x) is (x &lt; 0 ? y·e : y) / (1 + e) with e = e^(−|x|), which never overflows. e^t is Cody–Waite
 * reduction t = n·ln 2 + r with |r| ≤ ln 2 / 2, Cephes' expf polynomial for e^r (within 1 ulp), and 2^n applied as
 * two normal powers of two, the second only after the product and quotient, so a subnormal e^(−|x|) (|x| &gt; 87)
 * loses no bits before the result; below {@link #LOWEST} e is 0. sigmoid is within 2.5 ulp of the exact value and
 * y · sigmoid(x) within 3.5, tanh within 1.5 (every 61st float checked in {@code FloatExpTest}): as close as
 * TensorFlow's own float kernels, and several times faster than double lanes. gelu: see {@link Gelu}.
 *
 * <p>{@link VectorKernels} performs exactly these float operations lane by lane (each fma fused, each other
 * operation rounded once), so the two agree bit for bit.
 */
final class FloatExp {
    /**
     * Below this e^t is taken as 0: y·e^t then underflows for every |y| below 1e30. Down to it, e^t = m·s with
     * m = p·2^k1 and s = 2^k2 both normal (k1 ≥ k2 ≥ −125).
     */
    static final float LOWEST = -173f;
    static final float LOG2E = 1.44269504088896341f;
    /** 1.5·2^23: adding it rounds a float of magnitude below 2^22 to an integer, kept in the low mantissa bits. */
    static final float ROUND = 12582912f;
    static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);
    /** ln 2 = LN2_HI + LN2_LO; LN2_HI has 9 significant bits, so n·LN2_HI is exact for |n| ≤ 250. */
    static final float LN2_HI = 0.693359375f;
    static final float LN2_LO = -2.12194440e-4f;
    static final float TANH_SMALL = 0.625f;
    /** Cephes' tanhf coefficients for |x| &lt; 0.625 (highest power first). */
    static final float[] TANH_P = {-5.70498872745e-3f, 2.06390887954e-2f, -5.37397155531e-2f, 1.33314422036e-1f,
        -3.33332819422e-1f};
    static final float SQRT_HALF = 0.70710677f;
    static final float SQRT_2_OVER_PI = 0.7978846f;
    static final float CUBIC = 0.044715f;
    /** Past this (|x| and |x|/√2) erfc(|x|/√2) is 0 in float; clamping there keeps x² finite for infinite x. */
    static final float ERFC_LAST = 20f;
    /** Cephes' erff: erf(z) = z·ERF(z²) for |z| &lt; 1 (highest power first). */
    static final float[] ERF = {7.853861353153693e-5f, -8.010193625184903e-4f, 5.188327685732524e-3f,
        -2.685381193529856e-2f, 1.128358514861418e-1f, -3.761262582423300e-1f, 1.128379165726710e+0f};
    /** Cephes' erfcf: erfc(a) = e^(−a²)·P(1/a²)/a, P = ERFC_NEAR for 1 ≤ a &lt; 2, ERFC_FAR beyond. */
    static final float[] ERFC_NEAR = {2.326819970068386e-2f, -1.387039388740657e-1f, 3.687424674597105e-1f,
        -5.824733027278666e-1f, 6.210004621745983e-1f, -4.944515323274145e-1f, 3.404879937665872e-1f,
        -2.741127028184656e-1f, 5.638259427386472e-1f};
    static final float[] ERFC_FAR = {-1.047766399936249e+1f, 1.297719955372516e+1f, -7.495518717768503e+0f,
        2.921019019210786e+0f, -1.015265279202700e+0f, 4.218463358204948e-1f, -2.820767439740514e-1f,
        5.641895067754075e-1f};
    /** Cephes' expf: e^r = 1 + r + r²·(E0·r⁵ + … + E5) for |r| ≤ ln 2 / 2. */
    static final float E0 = 1.9875691500e-4f, E1 = 1.3981999507e-3f, E2 = 8.3334519073e-3f, E3 = 4.1665795894e-2f,
            E4 = 1.6666665459e-1f, E5 = 5.0000001201e-1f;

    /** Above this e^t overflows to +inf (e^88.73 already does); clamping there keeps 2^n within two normal halves. */
    static final float HIGHEST = 89f;
    /** Below this e^x − 1 rounds to −1 (e^−18 &lt; 2^−26); down to it, 2^n (n ≥ −26) is normal. */
    static final float EXPM1_LOWEST = -18f;
    /** √2 − 1: below it log1p(u) is the logf polynomial in u itself, above it in (u − 1)/2 plus ln 2. */
    static final float LOG1P_SPLIT = 0.41421357f;
    /** Cephes' logf: log(1 + f) = f − f²/2 + f³·(L0·f⁸ + … + L8) for √½ − 1 ≤ f &lt; √2 − 1 (highest power first). */
    static final float L0 = 7.0376836292e-2f, L1 = -1.1514610310e-1f, L2 = 1.1676998740e-1f, L3 = -1.2420140846e-1f,
            L4 = 1.4249322787e-1f, L5 = -1.6668057665e-1f, L6 = 2.0000714765e-1f, L7 = -2.4999993993e-1f,
            L8 = 3.3333331174e-1f;

    private FloatExp() {
    }

    /**
     * e^x (Keras' exponential): +inf above 88.72, a subnormal rounded once below −87.3, 0 below −104; NaN for NaN.
     * Within 1.01 ulp (FloatExpTest).
     */
    static float exp(float x) {
        float c = Math.min(x, HIGHEST), v = reduce(c);
        return head(c, v) * tail(v);
    }

    /**
     * e^x − 1 for x ≤ 0 (+0 for ±0, −1 below {@link #EXPM1_LOWEST}, NaN for NaN). x = n·ln 2 + r as in exp and
     * e^r − 1 = P = r + r²·(E0·r⁵ + … + E5), Cephes' expf without its final 1; then e^x − 1 = 2^n·P + (2^n − 1) in one
     * fma, 2^n − 1 exact for n ≥ −24, and 2^n·(P + 1) − 1 below, where the result is −1 to within 2^−24.
     * Within 1 ulp (FloatExpTest).
     */
    static float expm1(float x) {
        float c = Math.max(x, EXPM1_LOWEST), v = Math.fma(c, LOG2E, ROUND), n = v - ROUND;
        float p = expm1Reduced(c, n);
        float s = Float.intBitsToFloat((Float.floatToRawIntBits(v) - ROUND_BITS + 127) << 23);
        return n >= -24 ? Math.fma(s, p, s - 1f) : Math.fma(s, p + 1f, -1f);
    }

    /**
     * log(1 + u) for 0 ≤ u ≤ 1 (NaN for NaN), Cephes' logf on 1 + u without rounding 1 + u: the polynomial in f = u
     * below √2 − 1, else in f = (u − 1)/2 (exact for u ≥ ½, one rounding below) with ln 2 = LN2_HI + LN2_LO added.
     * Within 1.32 ulp (FloatExpTest).
     */
    static float log1p(float u) {
        boolean near = u < LOG1P_SPLIT;
        float f = near ? u : Math.fma(u, 0.5f, -0.5f), k = near ? 0f : 1f, z = f * f;
        float p = Math.fma(L0, f, L1);
        p = Math.fma(p, f, L2);
        p = Math.fma(p, f, L3);
        p = Math.fma(p, f, L4);
        p = Math.fma(p, f, L5);
        p = Math.fma(p, f, L6);
        p = Math.fma(p, f, L7);
        p = Math.fma(p, f, L8);
        float y = Math.fma(k, LN2_LO, p * z * f);
        y = Math.fma(-0.5f, z, y);
        return Math.fma(k, LN2_HI, f + y);
    }

    /** log(1 + e^(−|x|)) (NaN for NaN): softplus(x) = max(x, 0) + this, log_sigmoid(x) = min(x, 0) − this. */
    static float log1pExpNegAbs(float x) {
        float t = -Math.abs(x), v = reduce(t);
        return log1p(head(t, v) * tail(v));
    }

    /**
     * x·tanh(softplus(x)) as x·n/(n + 2), n = e^x·(e^x + 2) = (1 + e^x)² − 1, with one e = e^(−|x|) = m·s: for
     * x ≤ 0, x·(m·(e + 2))/(e·(e + 2) + 2)·s (s applied last, so a subnormal result loses no bits before), for
     * x &gt; 0 the same fraction divided through by e^(2x): x·(1 + 2e)/(1 + 2e + 2e²). Neither overflows nor cancels;
     * m·(e + 2) is one fma, e + 2 is rounded only in the denominator, where it weighs e/(2 + 2e) as much.
     */
    static float mish(float x) {
        float t = -Math.abs(x), v = reduce(t), m = head(t, v), s = tail(v), e = m * s;
        if (x > 0) {
            float num = Math.fma(2f, e, 1f);
            return x * num / Math.fma(e + e, e, num);
        }
        return x * Math.fma(m, e, m + m) / Math.fma(e, e + 2f, 2f) * s;
    }

    /** sigmoid(x). */
    static float sigmoid(float x) {
        return timesSigmoid(1f, x);
    }

    /** y · sigmoid(x); NaN when either is. */
    static float timesSigmoid(float y, float x) {
        float t = -Math.abs(x), v = reduce(t), m = head(t, v), s = tail(v);
        float e = m * s;
        return x < 0 ? y * m / (1f + e) * s : y / (1f + e);
    }

    /**
     * tanh(x) as Cephes' tanhf, on a = |x| with the sign of x: a + a³·P(a²) for a &lt; 0.625, else (1 − e)/(1 + e)
     * with e = e^(−2a), which neither overflows nor cancels there (e ≤ 0.29).
     */
    static float tanh(float x) {
        float a = Math.abs(x), r;
        if (a < TANH_SMALL) {
            float z = a * a, p = Math.fma(TANH_P[0], z, TANH_P[1]);
            for (int i = 2; i < TANH_P.length; i++) p = Math.fma(p, z, TANH_P[i]);
            r = Math.fma(p * z, a, a);
        } else {
            float t = -(a + a), v = reduce(t), e = head(t, v) * tail(v);
            r = (1f - e) / (1f + e);
        }
        return Math.copySign(r, x); // tanh(−0) = −0
    }

    /** e^t for t ≤ 0 (0 below {@link #LOWEST}, NaN for NaN), within 1 ulp where normal: softmax's exponential. */
    static float expNonPositive(float t) {
        float v = reduce(t);
        return head(t, v) * tail(v);
    }

    /** The exact gelu 0.5x·erfc(−x/√2); see {@link Gelu}. */
    static float geluErf(float x) {
        float h = 0.5f * x, z = -x * SQRT_HALF, a = Math.abs(z);
        if (a < 1f) return h * Math.fma(-z, erfPoly(h * x), 1f);
        // erfc(a) = e^(−a²)·P(1/a²)/a with a² = x²/2 = hi + lo exactly (rounding z would cost 2a² relative ulps),
        // e^(−a²) = e^(−hi)·(1 − lo) to float precision
        float c = Math.min(Math.abs(x), ERFC_LAST), hi = 0.5f * (c * c), lo = 0.5f * Math.fma(c, c, -(c * c));
        float v = reduce(-hi), m = head(-hi, v), s = tail(v), q = 1f / Math.min(a, ERFC_LAST), w = q * q;
        float y = Math.fma(-m, lo, m) * q * (a < 2f ? erfcNear(w) : erfcFar(w));
        return z < 0 ? h * (2f - y * s) : h * y * s;
    }

    /** The tanh-form gelu as x·sigmoid(2u), u = √(2/π)(x + 0.044715x³); see {@link Gelu}. */
    static float geluTanh(float x) {
        return timesSigmoid(x, 2f * SQRT_2_OVER_PI * Math.fma(CUBIC * x, x * x, x));
    }

    /** erf(z)/z for |z| &lt; 1, Cephes' erff, in z². */
    static float erfPoly(float z2) {
        float t = Math.fma(ERF[0], z2, ERF[1]);
        for (int i = 2; i < ERF.length; i++) t = Math.fma(t, z2, ERF[i]);
        return t;
    }

    /** erfc(a)·a·e^(a²) for 1 ≤ a &lt; 2, Cephes' erfcf, in w = 1/a². */
    static float erfcNear(float w) {
        float p = Math.fma(ERFC_NEAR[0], w, ERFC_NEAR[1]);
        for (int i = 2; i < ERFC_NEAR.length; i++) p = Math.fma(p, w, ERFC_NEAR[i]);
        return p;
    }

    /** erfc(a)·a·e^(a²) for a ≥ 2, Cephes' erfcf, in w = 1/a². */
    static float erfcFar(float w) {
        float p = Math.fma(ERFC_FAR[0], w, ERFC_FAR[1]);
        for (int i = 2; i < ERFC_FAR.length; i++) p = Math.fma(p, w, ERFC_FAR[i]);
        return p;
    }

    /** n + ROUND, n = round(t·log2 e), whose low mantissa bits hold n; for t ≤ 0. */
    static float reduce(float t) {
        return Math.fma(Math.max(t, LOWEST), LOG2E, ROUND);
    }

    /** e^r − 1 for r = c − n·ln 2 (n whole, |r| ≤ ln 2 / 2): the exact two-step reduction, then Cephes' expf polynomial. */
    static float expm1Reduced(float c, float n) {
        float r = Math.fma(n, -LN2_HI, c);
        r = Math.fma(n, -LN2_LO, r);
        float q = Math.fma(r, E0, E1);
        q = Math.fma(q, r, E2);
        q = Math.fma(q, r, E3);
        q = Math.fma(q, r, E4);
        q = Math.fma(q, r, E5);
        return Math.fma(q, r * r, r);
    }

    /** m = e^r·2^k1 of e^t = m·s (0 below {@link #LOWEST}), v = {@link #reduce}(t). */
    static float head(float t, float v) {
        float c = Math.max(t, LOWEST), n = v - ROUND;
        float p = expm1Reduced(c, n) + 1f;
        int k = Float.floatToRawIntBits(v) - ROUND_BITS, k1 = k - (k >> 1);
        return t < LOWEST ? 0f : p * Float.intBitsToFloat((k1 + 127) << 23);
    }

    /** s = 2^k2 of e^t = m·s, v = {@link #reduce}(t). */
    static float tail(float v) {
        int k = Float.floatToRawIntBits(v) - ROUND_BITS;
        return Float.intBitsToFloat(((k >> 1) + 127) << 23);
    }
}
