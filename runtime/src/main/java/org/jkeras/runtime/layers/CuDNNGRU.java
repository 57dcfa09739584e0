package org.jkeras.runtime.layers;

/**
 * Keras 2 {@code CuDNNGRU} computed on the CPU: {@link RNN} over a {@link GRUCell} with cuDNN's fixed
 * activations (tanh, recurrent sigmoid) and reset_after=True, its weights converted from cuDNN's layout by the mapper.
 */
public final class CuDNNGRU extends RNN {
    public CuDNNGRU(String name, GRUCell cell, Options options) {
        super(name, cell, options);
    }

    @Override
    public String kerasClass() {
        return "CuDNNGRU";
    }
}
