package org.jkeras.runtime.layers;

import org.jkeras.runtime.kernels.Window;

/** Keras {@code MaxPooling2D}: the maximum of each window's real cells, per channel; see {@link BasePooling}. */
public final class MaxPooling2D extends BasePooling {
    public MaxPooling2D(String name, Window window) {
        super(name, window, true);
        if (window.rank() != 2) throw new IllegalArgumentException("MaxPooling2D needs a 2-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "MaxPooling2D";
    }
}
