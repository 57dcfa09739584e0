package org.jkeras.runtime.layers;

/** Keras {@code Average}: the inputs summed left to right, then divided by their count (float32, as Keras). */
public final class Average extends ElementwiseMerge {
    public Average(String name) {
        super(name);
    }

    @Override
    public String kerasClass() {
        return "Average";
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
