package org.jkeras.runtime.layers;

import org.jkeras.runtime.kernels.Window;

/** Keras {@code ConvLSTM2D}: {@link ConvLSTM} over 2-D images. */
public final class ConvLSTM2D extends ConvLSTM {
    public ConvLSTM2D(String name, Window window, int[] in3, int cin, ConvLSTMCell cell, RNN.Options options) {
        super(name, window, in3, cin, cell, options);
        if (window.rank() != 2) throw new IllegalArgumentException("ConvLSTM2D needs a 2-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "ConvLSTM2D";
    }
}
