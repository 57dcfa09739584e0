package org.jkeras.runtime.layers;

/** Keras {@code GRU}: {@link RNN} over a {@link GRUCell}. */
public final class GRU extends RNN {
    public GRU(String name, GRUCell cell, Options options) {
        super(name, cell, options);
    }

    @Override
    public String kerasClass() {
        return "GRU";
    }
}
