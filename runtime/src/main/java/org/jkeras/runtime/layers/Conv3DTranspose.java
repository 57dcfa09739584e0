package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.Window;

/** Keras {@code Conv3DTranspose}: kernel {@code (k..., filters, cin)}, optional {@code output_padding}; see {@link BaseConvTranspose}. */
public final class Conv3DTranspose extends BaseConvTranspose {
    public Conv3DTranspose(String name, Window window, int[] outputPadding, float[] kernel, float[] bias, int cin, int filters, Activation act) {
        super(name, window, outputPadding, kernel, bias, cin, filters, act);
        if (window.rank() != 3) throw new IllegalArgumentException("Conv3DTranspose needs a 3-D window, got rank " + window.rank());
    }

    @Override
    public String kerasClass() {
        return "Conv3DTranspose";
    }
}
