package org.jkeras.runtime.layers;

/**
 * Keras 2 {@code CuDNNLSTM} computed on the CPU: {@link RNN} over a {@link LSTMCell} with cuDNN's fixed
 * activations (tanh, recurrent sigmoid), its weights converted from cuDNN's layout by the mapper.
 */
public final class CuDNNLSTM extends RNN {
    public CuDNNLSTM(String name, LSTMCell cell, Options options) {
        super(name, cell, options);
    }

    @Override
    public String kerasClass() {
        return "CuDNNLSTM";
    }
}
