package org.jkeras.runtime.layers;

/** Keras {@code Minimum}: the elementwise minimum of its inputs, broadcast. */
public final class Minimum extends ElementwiseMerge {
    public Minimum(String name) {
        super(name);
    }

    @Override
    public String kerasClass() {
        return "Minimum";
    }

    @Override
    protected float combine(float acc, float x) {
        return Math.min(acc, x);
    }
}
