package org.jkeras.runtime.layers;

import org.jkeras.runtime.kernels.Window;

/** Keras {@code MaxPooling1D}: the maximum of each window's real cells, per channel; see {@link BasePooling}. */
public final class MaxPooling1D extends BasePooling {
    public MaxPooling1D(String name, Window window) {
        super(name, window, true);
        if (window.rank() != 1) throw new IllegalArgumentException("MaxPooling1D needs a 1-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "MaxPooling1D";
    }
}
