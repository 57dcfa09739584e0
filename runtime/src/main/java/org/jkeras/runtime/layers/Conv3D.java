package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.Window;

/** Keras {@code Conv3D}: {@code activation(conv(x, kernel) + bias)}, kernel {@code (kd, kh, kw, cin/groups, filters)}; see {@link BaseConv}. */
public final class Conv3D extends BaseConv {
    public Conv3D(String name, Window window, float[] kernel, float[] bias, int cin, int filters, int groups, Activation act) {
        super(name, window, kernel, bias, cin, filters, groups, act);
        if (window.rank() != 3) throw new IllegalArgumentException("Conv3D needs a 3-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "Conv3D";
    }
}
