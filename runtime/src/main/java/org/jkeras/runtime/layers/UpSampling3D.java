package org.jkeras.runtime.layers;

/** Keras {@code UpSampling3D}: each cell repeated {@code size} times per spatial axis}; see {@link BaseUpSampling}. */
public final class UpSampling3D extends BaseUpSampling {
    public UpSampling3D(String name, boolean channelsFirst, int[] size, Interpolation interpolation) {
        super(name, 3, channelsFirst, size, interpolation);
    }

    @Override
    public String kerasClass() {
        return "UpSampling3D";
    }
}
