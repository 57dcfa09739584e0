package org.jkeras.activations;

/** Keras {@code linear}: x (the identity; kernels skip it). */
public final class Linear extends ElementwiseActivation {
    /** The {@code linear} activation; it has no parameters. */
    public Linear() {
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String formula() {
        return "x";
    }

    @Override
    public boolean isIdentity() {
        return true;
    }

    @Override
    public float apply(float x) {
        return x;
    }

    @Override
    public void applyInPlace(float[] x, int off, int len) {
    }
}
