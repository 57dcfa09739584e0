package org.jkeras.activations;

/**
 * Keras {@code relu(x, negative_slope, max_value, threshold)}, the activation and the {@code ReLU} layer, step by
 * step as {@code ReLU.static_call} in keras/src/activations/activations.py (same in Keras 2's backend.relu):
 * with a slope but no max_value and no threshold it is leaky_relu, max(x, s·x); otherwise
 * y = threshold ≠ 0 ? x·[x > t] : max(x, 0), then clip(y, 0, max_value), then y − s·max(t − x, 0).
 * So x == t gives 0, and max_value caps only the positive part (the slope part is subtracted after the clip).
 */
public final class Relu extends ElementwiseActivation {
    private final float negativeSlope;
    private final float maxValue;
    private final float threshold;

    /** @param maxValue NaN for none */
    public Relu(float negativeSlope, float maxValue, float threshold) {
        this.negativeSlope = negativeSlope;
        this.maxValue = maxValue;
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String formula() {
        float s = negativeSlope, t = threshold;
        if (s == 0 && Float.isNaN(maxValue) && t == 0) return "max(x, 0)";
        if (s != 0 && Float.isNaN(maxValue) && t == 0) return "max(x, " + s + "x)";
        String positive = t == 0 ? "max(x, 0)" : "x if x > " + t + " else 0";
        if (!Float.isNaN(maxValue)) positive = "clip(" + positive + ", 0, " + maxValue + ")";
        return s == 0 ? positive : positive + " - " + s + "·max(" + (t == 0 ? "-x" : t + " - x") + ", 0)";
    }

    /**
     * Whether this is plain {@code max(x, 0)} (no slope, cap or threshold): {@link #apply} is then exactly
     * {@code Math.max(x, 0f)}, which kernels may apply as a vector max while a tile is still in registers.
     */
    public boolean isMaxWithZero() {
        return negativeSlope == 0 && Float.isNaN(maxValue) && threshold == 0;
    }

    @Override
    public float apply(float x) {
        float s = negativeSlope, m = maxValue, t = threshold;
        if (s != 0 && Float.isNaN(m) && t == 0) return Math.max(x, s * x);
        float y = t != 0 ? x * (x > t ? 1f : 0f) : Math.max(x, 0f);
        if (!Float.isNaN(m)) y = Math.min(Math.max(y, 0f), m);
        if (s != 0) y -= s * Math.max(t != 0 ? -x + t : -x, 0f);
        return y;
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.relu(x, off, len, negativeSlope, maxValue, threshold) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
