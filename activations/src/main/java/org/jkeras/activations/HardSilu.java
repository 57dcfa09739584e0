package org.jkeras.activations;

/** Keras {@code hard_silu} (alias {@code hard_swish}): x · hard_sigmoid(x) with the Keras 3 hard_sigmoid (numpy nn.hard_silu). */
public final class HardSilu extends ElementwiseActivation {
    /** The {@code hard_silu} activation; it has no parameters. */
    public HardSilu() {
    }

    @Override
    public String name() {
        return "hard_silu";
    }

    @Override
    public String formula() {
        return "x · clip(x/6 + 0.5, 0, 1)";
    }

    @Override
    public float apply(float x) {
        return x * HardSigmoid.keras3(x);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.hardSigmoidKeras3(x, off, len, true) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
