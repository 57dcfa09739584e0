package org.jkeras.runtime.layers;

import org.jkeras.runtime.kernels.Window;

/** Keras {@code AveragePooling2D}: the average of each window's real cells, per channel; see {@link BasePooling}. */
public final class AveragePooling2D extends BasePooling {
    public AveragePooling2D(String name, Window window) {
        super(name, window, false);
        if (window.rank() != 2) throw new IllegalArgumentException("AveragePooling2D needs a 2-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "AveragePooling2D";
    }
}
