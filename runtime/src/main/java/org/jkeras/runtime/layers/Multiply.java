package org.jkeras.runtime.layers;

/** Keras {@code Multiply}: the product of its inputs, broadcast. */
public final class Multiply extends ElementwiseMerge {
    public Multiply(String name) {
        super(name);
    }

    @Override
    public String kerasClass() {
        return "Multiply";
    }

    @Override
    protected float combine(float acc, float x) {
        return acc * x;
    }
}
