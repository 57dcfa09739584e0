package org.jkeras.activations;

/** Keras {@code hard_shrink(x, threshold=0.5)}: x if |x| > t else 0 (numpy backend nn.hard_shrink). */
public final class HardShrink extends ElementwiseActivation {
    private final float threshold;

    /** hard_shrink with t = {@code threshold}: values with |x| ≤ t become 0 (Keras' default 0.5). */
    public HardShrink(float threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "hard_shrink";
    }

    @Override
    public String formula() {
        return "x if |x| > " + threshold + " else 0";
    }

    @Override
    public float apply(float x) {
        return Math.abs(x) > threshold ? x : 0f;
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.hardShrink(x, off, len, threshold) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
