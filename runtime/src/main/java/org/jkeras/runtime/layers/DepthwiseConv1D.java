package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.Window;

/** Keras {@code DepthwiseConv1D}: kernel {@code (k, cin, depth_multiplier)}; see {@link BaseDepthwiseConv}. */
public final class DepthwiseConv1D extends BaseDepthwiseConv {
    public DepthwiseConv1D(String name, Window window, float[] kernel, float[] bias, int cin, int depthMultiplier, Activation act) {
        super(name, window, kernel, bias, cin, depthMultiplier, act);
        if (window.rank() != 1) throw new IllegalArgumentException("DepthwiseConv1D needs a 1-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "DepthwiseConv1D";
    }
}
