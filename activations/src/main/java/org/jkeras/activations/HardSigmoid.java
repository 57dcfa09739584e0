package org.jkeras.activations;

/**
 * Keras {@code hard_sigmoid}, whose formula depends on the Keras generation: Keras 1/2 and tf.keras
 * (backend.hard_sigmoid) clip(0.2x + 0.5, 0, 1); Keras 3 (numpy backend nn.hard_sigmoid) t = x/6 + 0.5, then
 * 0 if t ≤ 0, 1 if t ≥ 1, else t.
 */
public final class HardSigmoid extends ElementwiseActivation {
    private final Semantics semantics;

    /** hard_sigmoid with the formula of the Keras generation {@code semantics}. */
    public HardSigmoid(Semantics semantics) {
        this.semantics = semantics;
    }

    @Override
    public String name() {
        return "hard_sigmoid";
    }

    @Override
    public String formula() {
        return (semantics == Semantics.KERAS_1_2 ? "clip(0.2x + 0.5, 0, 1)" : "clip(x/6 + 0.5, 0, 1)")
            + " (" + semantics.describe() + ")";
    }

    @Override
    public float apply(float x) {
        return semantics == Semantics.KERAS_1_2 ? Math.min(Math.max(0.2f * x + 0.5f, 0f), 1f) : keras3(x);
    }

    /** The Keras 3 formula, also used by hard_silu. */
    static float keras3(float x) {
        float t = x / 6f + 0.5f;
        return t <= 0 ? 0f : t >= 1 ? 1f : t;
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = off;
        if (Simd.ENABLED) {
            done = semantics == Semantics.KERAS_1_2 ? VectorKernels.hardSigmoidKeras2(x, off, len)
                : VectorKernels.hardSigmoidKeras3(x, off, len, false);
        }
        super.applyInPlace(x, done, off + len - done);
    }
}
