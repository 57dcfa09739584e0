package org.jkeras.activations;

/**
 * Keras {@code tanh}: tanh(x) (numpy backend nn.tanh), in float as Cephes' tanhf ({@link FloatExp#tanh}), within
 * 1.5 ulp of the exact value (TensorFlow's float kernel is a rational approximation of similar accuracy).
 */
public final class Tanh extends ElementwiseActivation {
    /** The {@code tanh} activation; it has no parameters. */
    public Tanh() {
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String formula() {
        return "tanh(x)";
    }

    @Override
    public float apply(float x) {
        return FloatExp.tanh(x);
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
        int done = Simd.ENABLED ? VectorKernels.tanh(x, off, len) : off;
        super.applyInPlace(x, done, off + len - done);
    }
}
