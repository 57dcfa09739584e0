package org.jkeras.runtime.layers;

import org.jkeras.runtime.kernels.Window;

/** Keras {@code AveragePooling1D}: the average of each window's real cells, per channel; see {@link BasePooling}. */
public final class AveragePooling1D extends BasePooling {
    public AveragePooling1D(String name, Window window) {
        super(name, window, false);
        if (window.rank() != 1) throw new IllegalArgumentException("AveragePooling1D needs a 1-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "AveragePooling1D";
    }
}
