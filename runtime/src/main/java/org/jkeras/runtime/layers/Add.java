package org.jkeras.runtime.layers;

/** Keras {@code Add}: the sum of its inputs, broadcast. */
public final class Add extends ElementwiseMerge {
    public Add(String name) {
        super(name);
    }

    @Override
    public String kerasClass() {
        return "Add";
    }

    @Override
    protected float combine(float acc, float x) {
        return acc + x;
    }
}
