package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.Window;

/** Keras {@code Conv2DTranspose}: kernel {@code (k..., filters, cin)}, optional {@code output_padding}; see {@link BaseConvTranspose}. */
public final class Conv2DTranspose extends BaseConvTranspose {
    public Conv2DTranspose(String name, Window window, int[] outputPadding, float[] kernel, float[] bias, int cin, int filters, Activation act) {
        super(name, window, outputPadding, kernel, bias, cin, filters, act);
        if (window.rank() != 2) throw new IllegalArgumentException("Conv2DTranspose needs a 2-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "Conv2DTranspose";
    }
}
