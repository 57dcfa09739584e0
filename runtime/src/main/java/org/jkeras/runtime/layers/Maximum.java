package org.jkeras.runtime.layers;

/** Keras {@code Maximum}: the elementwise maximum of its inputs, broadcast. */
public final class Maximum extends ElementwiseMerge {
    public Maximum(String name) {
        super(name);
    }

    @Override
    public String kerasClass() {
        return "Maximum";
    }

    @Override
    protected float combine(float acc, float x) {
        return Math.max(acc, x);
    }
}
