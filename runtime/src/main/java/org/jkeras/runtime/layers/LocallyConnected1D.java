package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;

/** Keras 2 {@code LocallyConnected1D}: {@link BaseLocallyConnected} over 1-D inputs. */
public final class LocallyConnected1D extends BaseLocallyConnected {
    /** See {@link BaseLocallyConnected}; {@code in3}, {@code k3}, {@code s3} left-padded to three axes. */
    public LocallyConnected1D(String name, int[] in3, int[] k3, int[] s3, boolean same, boolean channelsFirst, int cin, int filters, float[] kernel,
                              float[] bias, Activation act) {
        super(name, 1, in3, k3, s3, same, channelsFirst, cin, filters, kernel, bias, act);
    }

    @Override
    public String kerasClass() {
        return "LocallyConnected1D";
    }
}
