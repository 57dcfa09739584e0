package org.jkeras.runtime.layers;

import org.jkeras.runtime.kernels.Window;

/** Keras {@code ConvLSTM3D}: {@link ConvLSTM} over 3-D images. */
public final class ConvLSTM3D extends ConvLSTM {
    public ConvLSTM3D(String name, Window window, int[] in3, int cin, ConvLSTMCell cell, RNN.Options options) {
        super(name, window, in3, cin, cell, options);
        if (window.rank() != 3) throw new IllegalArgumentException("ConvLSTM3D needs a 3-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "ConvLSTM3D";
    }
}
