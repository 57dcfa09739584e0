package org.jkeras.runtime.layers;

/** Keras {@code UpSampling2D}: each cell repeated {@code size} times per spatial axis, or bilinear}; see {@link BaseUpSampling}. */
public final class UpSampling2D extends BaseUpSampling {
    public UpSampling2D(String name, boolean channelsFirst, int[] size, Interpolation interpolation) {
        super(name, 2, channelsFirst, size, interpolation);
    }

    @Override
    public String kerasClass() {
        return "UpSampling2D";
    }
}
