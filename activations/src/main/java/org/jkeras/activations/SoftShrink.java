package org.jkeras.activations;

/** Keras {@code soft_shrink(x, threshold=0.5)}: x − t if x &gt; t, x + t if x &lt; −t, else 0 (numpy nn.soft_shrink). */
public final class SoftShrink extends ElementwiseActivation {
    private final float threshold;

    /** soft_shrink with t = {@code threshold}, taken off |x|; values with |x| ≤ t become 0 (Keras' default 0.5). */
    public SoftShrink(float threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "soft_shrink";
    }

    @Override
    public String formula() {
        float t = threshold;
        return "x - " + t + " if x > " + t + ", x + " + t + " if x < -" + t + ", else 0";
    }

    @Override
    public float apply(float x) {
        return x > threshold ? x - threshold : x < -threshold ? x + threshold : 0f;
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.softShrink(x, off, len, threshold) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
