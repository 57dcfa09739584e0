package org.jkeras.activations;

/**
 * Keras {@code tanh_shrink}: x − tanh(x) (numpy backend nn.tanh_shrink), in double; below |x| = 0.1 by its
 * series x³/3 − 2x⁵/15 + 17x⁷/315 − 62x⁹/2835, which avoids the cancellation.
 */
public final class TanhShrink extends ElementwiseActivation {
    /** The {@code tanh_shrink} activation; it has no parameters. */
    public TanhShrink() {
    }

    @Override
    public String name() {
        return "tanh_shrink";
    }

    @Override
    public String formula() {
        return "x - tanh(x)";
    }

    @Override
    public float apply(float x) {
        double d = x;
        if (Math.abs(d) >= 0.1) return (float) (d - Math.tanh(d));
        double z = d * d;
        return (float) (d * z * (1.0 / 3 + z * (-2.0 / 15 + z * (17.0 / 315 + z * (-62.0 / 2835)))));
    }
}
