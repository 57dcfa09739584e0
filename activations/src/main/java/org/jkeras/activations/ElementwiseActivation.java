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

    /**
     * Whether a fused Dense kernel should apply this to each register tile right after storing it, a few vectors
     * per call. False when a call carries a fixed cost such a short run does not amortise (exact gelu sets up three
     * passes per block of vectors): the kernel then applies it to whole rows once a chunk of rows is done.
     */
    public boolean appliesPerTile() {
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
