package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.Window;

/** Keras {@code DepthwiseConv2D}: kernel {@code (kh, kw, cin, depth_multiplier)}; see {@link BaseDepthwiseConv}. */
public final class DepthwiseConv2D extends BaseDepthwiseConv {
    public DepthwiseConv2D(String name, Window window, float[] kernel, float[] bias, int cin, int depthMultiplier, Activation act) {
        super(name, window, kernel, bias, cin, depthMultiplier, act);
        if (window.rank() != 2) throw new IllegalArgumentException("DepthwiseConv2D needs a 2-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "DepthwiseConv2D";
    }
}
