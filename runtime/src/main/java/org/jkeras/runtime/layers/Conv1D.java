package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.Window;

/** Keras {@code Conv1D}: {@code activation(conv(x, kernel) + bias)}, kernel {@code (k, cin/groups, filters)}; see {@link BaseConv}. */
public final class Conv1D extends BaseConv {
    public Conv1D(String name, Window window, float[] kernel, float[] bias, int cin, int filters, int groups, Activation act) {
        super(name, window, kernel, bias, cin, filters, groups, act);
        if (window.rank() != 1) throw new IllegalArgumentException("Conv1D needs a 1-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "Conv1D";
    }
}
