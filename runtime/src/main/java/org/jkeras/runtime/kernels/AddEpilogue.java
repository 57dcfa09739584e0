package org.jkeras.runtime.kernels;

import org.jkeras.activations.Activation;
import org.jkeras.activations.ElementwiseActivation;

/**
 * The epilogue of a convolution with a residual {@code Add} (and the elementwise activation after it) fused in:
 * {@code y[i] = after(y[i] + residual[i])}, the residual laid out as y and addressed by y's own offsets. It runs on
 * each tile as it is stored, while the tile is in L1, instead of one more pass over memory. The sum is rounded
 * once, as the separate Add rounds it (float addition commutes), so the bits are those of the layers one by one.
 * Made per call: it holds that call's residual.
 */
final class AddEpilogue extends ElementwiseActivation {
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

    /** Not a function of x alone: the residual depends on the position, which only {@link #applyInPlace} knows. */
    @Override
    public float apply(float x) {
        throw new UnsupportedOperationException("a residual epilogue depends on the position of each value");
    }

    @Override
    public void applyInPlace(float[] y, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) y[i] += residual[i];
        if (!after.isIdentity()) after.applyRows(y, off, 1, len);
    }
}
