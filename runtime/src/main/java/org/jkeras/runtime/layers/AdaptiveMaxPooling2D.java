package org.jkeras.runtime.layers;

/** Keras {@code AdaptiveMaxPooling2D}: the maximum over each of {@code output_size} adaptive bins per spatial axis; see {@link BaseAdaptivePooling}. */
public final class AdaptiveMaxPooling2D extends BaseAdaptivePooling {
    public AdaptiveMaxPooling2D(String name, boolean channelsFirst, int[] outputSize) {
        super(name, 2, channelsFirst, outputSize, true);
    }

    @Override
    public String kerasClass() {
        return "AdaptiveMaxPooling2D";
    }
}
