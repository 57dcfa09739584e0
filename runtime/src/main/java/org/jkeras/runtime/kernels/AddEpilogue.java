package org.jkeras.runtime.kernels;

import org.jkeras.activations.Activation;

/**
 * The epilogue of a convolution with a residual {@code Add} (and the elementwise activation after it) fused in:
 * {@code y[i] = after(y[i] + residual[i])}, the residual laid out as y and addressed by y's own offsets. A
 * row-wise epilogue to {@link DenseKernel}: it runs once per chunk of rows (96) just written and still in L2,
 * instead of one more pass over memory (a call per 64-float tile row cost more than the pass it saved). The sum
 * is rounded once, as the separate Add rounds it (float addition commutes), so the bits are those of the layers
 * one by one. Made per call: it holds that call's residual.
 */
final class AddEpilogue extends Activation {
    private final float[] residual;
    private final Activation after; // elementwise and width-keeping; identity for none

    AddEpilogue(float[] residual, Activation after) {
        this.residual = residual;
        this.after = after;
    }

    @Override
    public String name() {
        return after.isIdentity() ? "add" : "add, " + after.name();
    }

    @Override
    public String formula() {
        return after.isIdentity() ? "x + residual" : after.name() + "(x + residual)";
    }

    /** Not elementwise in the kernels' sense: the residual depends on the position, not on x alone. */
    @Override
    public boolean isElementwise() {
        return false;
    }

    @Override
    public void referenceRows(float[] y, int off, int rows, int width) {
        add(y, off, rows * width);
        after.referenceRows(y, off, rows, width);
    }

    @Override
    public void applyRows(float[] y, int off, int rows, int width) {
        add(y, off, rows * width);
        after.applyRows(y, off, rows, width);
    }

    private void add(float[] y, int off, int n) {
        for (int i = off, end = off + n; i < end; i++) y[i] += residual[i];
    }
}
