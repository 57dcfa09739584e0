package org.jkeras.runtime.layers;

/** Keras {@code Subtract}: {@code in0 − in1}, exactly two inputs, broadcast. */
public final class Subtract extends ElementwiseMerge {
    public Subtract(String name) {
        super(name);
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
    protected float combine(float acc, float x) {
        return acc - x;
    }
}
