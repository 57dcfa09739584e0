package org.jkeras.runtime.layers;

/** Keras {@code UpSampling1D}: each cell repeated {@code size} times per spatial axis}; see {@link BaseUpSampling}. */
public final class UpSampling1D extends BaseUpSampling {
    public UpSampling1D(String name, boolean channelsFirst, int[] size, Interpolation interpolation) {
        super(name, 1, channelsFirst, size, interpolation);
    }

    @Override
    public String kerasClass() {
        return "UpSampling1D";
    }
}
