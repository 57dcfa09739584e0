package org.jkeras.runtime.layers;

/** Keras {@code AdaptiveMaxPooling3D}: the maximum over each of {@code output_size} adaptive bins per spatial axis; see {@link BaseAdaptivePooling}. */
public final class AdaptiveMaxPooling3D extends BaseAdaptivePooling {
    public AdaptiveMaxPooling3D(String name, boolean channelsFirst, int[] outputSize) {
        super(name, 3, channelsFirst, outputSize, true);
    }

    @Override
    public String kerasClass() {
        return "AdaptiveMaxPooling3D";
    }
}
