package org.jkeras.runtime.layers;

import org.jkeras.activations.Semantics;

/** Keras {@code Minimum}: the elementwise minimum of its inputs, broadcast. */
public final class Minimum extends ElementwiseMerge {
    /** With Keras 3's mask rules. */
    public Minimum(String name) {
        super(name);
    }

    /** With the mask rules of {@code semantics} (Keras 1/2: AND of the masks present; Keras 3: OR, none when an input has none). */
    public Minimum(String name, Semantics semantics) {
        super(name, semantics);
    }

    @Override
    protected MaskedSteps maskedSteps() {
        return MaskedSteps.OTHER_OPERAND;
    }

    @Override
    public String kerasClass() {
        return "Minimum";
    }

    @Override
    protected void combineRun(float[] out, int o, float[] x, int xo, int n) {
        for (int k = 0; k < n; k++) out[o + k] = Math.min(out[o + k], x[xo + k]);
    }

    @Override
    protected float combine(float acc, float x) {
        return Math.min(acc, x);
    }
}
