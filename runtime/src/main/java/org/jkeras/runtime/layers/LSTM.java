package org.jkeras.runtime.layers;

/** Keras {@code LSTM}: {@link RNN} over a {@link LSTMCell}. */
public final class LSTM extends RNN {
    public LSTM(String name, LSTMCell cell, Options options) {
        super(name, cell, options);
    }

    @Override
    public String kerasClass() {
        return "LSTM";
    }
}
