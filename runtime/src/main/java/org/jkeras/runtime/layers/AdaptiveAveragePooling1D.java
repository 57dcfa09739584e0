package org.jkeras.runtime.layers;

/** Keras {@code AdaptiveAveragePooling1D}: the mean over each of {@code output_size} adaptive bins per spatial axis; see {@link BaseAdaptivePooling}. */
public final class AdaptiveAveragePooling1D extends BaseAdaptivePooling {
    public AdaptiveAveragePooling1D(String name, boolean channelsFirst, int[] outputSize) {
        super(name, 1, channelsFirst, outputSize, false);
    }

    @Override
    public String kerasClass() {
        return "AdaptiveAveragePooling1D";
    }
}
