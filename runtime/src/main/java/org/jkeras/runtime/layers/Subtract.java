package org.jkeras.runtime.layers;

import org.jkeras.activations.Semantics;

/** Keras {@code Subtract}: {@code in0 − in1}, exactly two inputs, broadcast. */
public final class Subtract extends ElementwiseMerge {
    /** With Keras 3's mask rules. */
    public Subtract(String name) {
        super(name);
    }

    /** With the mask rules of {@code semantics} (Keras 1/2: AND of the masks present; Keras 3: OR, none when an input has none). */
    public Subtract(String name, Semantics semantics) {
        super(name, semantics);
    }

    @Override
    public String kerasClass() {
        return "Subtract";
    }

    @Override
    protected void checkCount(int n) {
        if (n != 2) throw new IllegalArgumentException("Subtract '" + name() + "' needs exactly 2 inputs, got " + n);
    }

    @Override
    protected void combineRun(float[] out, int o, float[] x, int xo, int n) {
        for (int k = 0; k < n; k++) out[o + k] = out[o + k] - x[xo + k];
    }

    @Override
    protected float combine(float acc, float x) {
        return acc - x;
    }
}
