package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;

/** Keras 2 {@code LocallyConnected2D}: {@link BaseLocallyConnected} over 2-D inputs. */
public final class LocallyConnected2D extends BaseLocallyConnected {
    /** See {@link BaseLocallyConnected}; {@code in3}, {@code k3}, {@code s3} left-padded to three axes. */
    public LocallyConnected2D(String name, int[] in3, int[] k3, int[] s3, boolean same, boolean channelsFirst, int cin, int filters, float[] kernel,
                              float[] bias, Activation act) {
        super(name, 2, in3, k3, s3, same, channelsFirst, cin, filters, kernel, bias, act);
    }

    @Override
    public String kerasClass() {
        return "LocallyConnected2D";
    }
}
