package org.jkeras.activations;

/**
 * Keras {@code selu}: λ·elu(x, α) with α = 1.6732632423543772848170429916717, λ = 1.0507009873554804934193349852946
 * (numpy backend nn.selu), in float: λx for x ≥ 0 and λα·(e^x − 1) below ({@link FloatExp#expm1}), each constant
 * as a float pair hi + lo (hi the float below, so an infinite x gives no NaN) multiplied in by one fma, which rounds
 * the product once as double did; within 2 ulp.
 */
public final class Selu extends ElementwiseActivation {
    static final double ALPHA = 1.6732632423543772848170429916717;
    static final double SCALE = 1.0507009873554804934193349852946;
    static final float SCALE_HI = below(SCALE), SCALE_LO = (float) (SCALE - SCALE_HI);
    static final float ALPHA_SCALE_HI = below(ALPHA * SCALE), ALPHA_SCALE_LO = (float) (ALPHA * SCALE - ALPHA_SCALE_HI);

    /** The {@code selu} activation; it has no parameters. */
    public Selu() {
    }

    @Override
    public String name() {
        return "selu";
    }

    @Override
    public String formula() {
        return "1.0507009873554805·(x if x >= 0 else 1.6732632423543772·(exp(x) - 1))";
    }

    @Override
    public float apply(float x) {
        if (x >= 0) return Math.fma(x, SCALE_HI, x * SCALE_LO);
        float e = FloatExp.expm1(x);
        return Math.fma(e, ALPHA_SCALE_HI, e * ALPHA_SCALE_LO);
    }

    /** The largest float ≤ d. */
    private static float below(double d) {
        float f = (float) d;
        return f > d ? Math.nextDown(f) : f;
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.elu(x, off, len, VectorKernels.SELU, 0f) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
