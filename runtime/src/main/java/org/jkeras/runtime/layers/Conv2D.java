package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.Window;

/** Keras {@code Conv2D}: {@code activation(conv(x, kernel) + bias)}, kernel {@code (kh, kw, cin/groups, filters)}; see {@link BaseConv}. */
public final class Conv2D extends BaseConv {
    public Conv2D(String name, Window window, float[] kernel, float[] bias, int cin, int filters, int groups, Activation act) {
        super(name, window, kernel, bias, cin, filters, groups, act);
        if (window.rank() != 2) throw new IllegalArgumentException("Conv2D needs a 2-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "Conv2D";
    }
}
