package org.jkeras.runtime.layers;

/** Keras {@code AdaptiveAveragePooling3D}: the mean over each of {@code output_size} adaptive bins per spatial axis; see {@link BaseAdaptivePooling}. */
public final class AdaptiveAveragePooling3D extends BaseAdaptivePooling {
    public AdaptiveAveragePooling3D(String name, boolean channelsFirst, int[] outputSize) {
        super(name, 3, channelsFirst, outputSize, false);
    }

    @Override
    public String kerasClass() {
        return "AdaptiveAveragePooling3D";
    }
}
