package org.jkeras.runtime.layers;

/** Keras {@code AdaptiveMaxPooling1D}: the maximum over each of {@code output_size} adaptive bins per spatial axis; see {@link BaseAdaptivePooling}. */
public final class AdaptiveMaxPooling1D extends BaseAdaptivePooling {
    public AdaptiveMaxPooling1D(String name, boolean channelsFirst, int[] outputSize) {
        super(name, 1, channelsFirst, outputSize, true);
    }

    @Override
    public String kerasClass() {
        return "AdaptiveMaxPooling1D";
    }
}
