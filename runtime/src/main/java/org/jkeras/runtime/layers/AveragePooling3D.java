package org.jkeras.runtime.layers;

import org.jkeras.runtime.kernels.Window;

/** Keras {@code AveragePooling3D}: the average of each window's real cells, per channel; see {@link BasePooling}. */
public final class AveragePooling3D extends BasePooling {
    public AveragePooling3D(String name, Window window) {
        super(name, window, false);
        if (window.rank() != 3) throw new IllegalArgumentException("AveragePooling3D needs a 3-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "AveragePooling3D";
    }
}
