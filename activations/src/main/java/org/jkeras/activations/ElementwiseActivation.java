package org.jkeras.activations;

/** An activation that maps each float on its own: {@link #apply(float)} is the scalar reference. */
public abstract class ElementwiseActivation extends Activation {

    /** For subclasses, which define {@link #apply(float)} and may vectorise {@link #applyInPlace}. */
    protected ElementwiseActivation() {
    }

    /** The scalar reference formula. */
    public abstract float apply(float x);

    @Override
    public final boolean isElementwise() {
        return true;
    }

    /** Batched in-place over {@code len} contiguous floats; vectorised overrides must match {@link #apply}. */
    public void applyInPlace(float[] x, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) x[i] = apply(x[i]);
    }

    @Override
    public final void referenceRows(float[] x, int off, int rows, int width) {
        for (int i = off, end = off + rows * width; i < end; i++) x[i] = apply(x[i]);
    }

    @Override
    public final void applyRows(float[] x, int off, int rows, int width) {
        applyInPlace(x, off, rows * width);
    }
}
