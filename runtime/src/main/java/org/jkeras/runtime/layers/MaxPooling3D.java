package org.jkeras.runtime.layers;

import org.jkeras.runtime.kernels.Window;

/** Keras {@code MaxPooling3D}: the maximum of each window's real cells, per channel; see {@link BasePooling}. */
public final class MaxPooling3D extends BasePooling {
    public MaxPooling3D(String name, Window window) {
        super(name, window, true);
        if (window.rank() != 3) throw new IllegalArgumentException("MaxPooling3D needs a 3-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "MaxPooling3D";
    }
}
