package org.jkeras.runtime.layers;

/** Keras {@code AdaptiveAveragePooling2D}: the mean over each of {@code output_size} adaptive bins per spatial axis; see {@link BaseAdaptivePooling}. */
public final class AdaptiveAveragePooling2D extends BaseAdaptivePooling {
    public AdaptiveAveragePooling2D(String name, boolean channelsFirst, int[] outputSize) {
        super(name, 2, channelsFirst, outputSize, false);
    }

    @Override
    public String kerasClass() {
        return "AdaptiveAveragePooling2D";
    }
}
