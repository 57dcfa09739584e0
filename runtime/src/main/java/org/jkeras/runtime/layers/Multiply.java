package org.jkeras.runtime.layers;

import org.jkeras.activations.Semantics;

/** Keras {@code Multiply}: the product of its inputs, broadcast. */
public final class Multiply extends ElementwiseMerge {
    /** With Keras 3's mask rules. */
    public Multiply(String name) {
        super(name);
    }

    /** With the mask rules of {@code semantics} (Keras 1/2: AND of the masks present; Keras 3: OR, none when an input has none). */
    public Multiply(String name, Semantics semantics) {
        super(name, semantics);
    }

    @Override
    protected MaskedSteps maskedSteps() {
        return MaskedSteps.ONE;
    }

    @Override
    public String kerasClass() {
        return "Multiply";
    }

    @Override
    protected void combineRun(float[] out, int o, float[] x, int xo, int n) {
        for (int k = 0; k < n; k++) out[o + k] = out[o + k] * x[xo + k];
    }

    @Override
    protected float combine(float acc, float x) {
        return acc * x;
    }
}
