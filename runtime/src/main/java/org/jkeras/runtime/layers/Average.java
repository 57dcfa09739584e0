package org.jkeras.runtime.layers;

import org.jkeras.activations.Semantics;

/** Keras {@code Average}: the inputs summed left to right, then divided by their count (float32, as Keras). */
public final class Average extends ElementwiseMerge {
    /** With Keras 3's mask rules. */
    public Average(String name) {
        super(name);
    }

    /** With the mask rules of {@code semantics} (Keras 1/2: AND of the masks present; Keras 3: OR, none when an input has none). */
    public Average(String name, Semantics semantics) {
        super(name, semantics);
    }

    @Override
    public String kerasClass() {
        return "Average";
    }

    @Override
    protected void combineRun(float[] out, int o, float[] x, int xo, int n) {
        for (int k = 0; k < n; k++) out[o + k] = out[o + k] + x[xo + k];
    }

    @Override
    protected float combine(float acc, float x) {
        return acc + x;
    }

    @Override
    protected float finish(float acc, int inputs) {
        return acc / inputs;
    }
}
