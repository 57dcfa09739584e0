package org.jkeras.runtime.layers;

/** Keras {@code SimpleRNN}: {@link RNN} over a {@link SimpleRNNCell}. */
public final class SimpleRNN extends RNN {
    public SimpleRNN(String name, SimpleRNNCell cell, Options options) {
        super(name, cell, options);
    }

    @Override
    public String kerasClass() {
        return "SimpleRNN";
    }
}
