package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.Window;

/** Keras {@code SeparableConv1D}: depthwise then pointwise convolution, bias and activation; see {@link BaseSeparableConv}. */
public final class SeparableConv1D extends BaseSeparableConv {
    public SeparableConv1D(String name, Window window, float[] depthwiseKernel, float[] pointwiseKernel, float[] bias, int cin, int depthMultiplier,
                          int filters, Activation act) {
        super(name, window, depthwiseKernel, pointwiseKernel, bias, cin, depthMultiplier, filters, act);
        if (window.rank() != 1) throw new IllegalArgumentException("SeparableConv1D needs a 1-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "SeparableConv1D";
    }
}
