package org.jkeras.runtime.layers;

import org.jkeras.runtime.kernels.Window;

/** Keras {@code ConvLSTM1D}: {@link ConvLSTM} over 1-D images. */
public final class ConvLSTM1D extends ConvLSTM {
    public ConvLSTM1D(String name, Window window, int[] in3, int cin, ConvLSTMCell cell, RNN.Options options) {
        super(name, window, in3, cin, cell, options);
        if (window.rank() != 1) throw new IllegalArgumentException("ConvLSTM1D needs a 1-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "ConvLSTM1D";
    }
}
