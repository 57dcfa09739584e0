package org.jkeras.runtime.layers;

import org.jkeras.activations.Semantics;

/** Keras {@code Add}: the sum of its inputs, broadcast. */
public final class Add extends ElementwiseMerge {
    /** With Keras 3's mask rules. */
    public Add(String name) {
        super(name);
    }

    /** With the mask rules of {@code semantics} (Keras 1/2: AND of the masks present; Keras 3: OR, none when an input has none). */
    public Add(String name, Semantics semantics) {
        super(name, semantics);
    }

    @Override
    public String kerasClass() {
        return "Add";
    }

    @Override
    protected void combineRun(float[] out, int o, float[] x, int xo, int n) {
        for (int k = 0; k < n; k++) out[o + k] = out[o + k] + x[xo + k];
    }

    @Override
    protected float combine(float acc, float x) {
        return acc + x;
    }
}
