package org.jkeras.runtime.layers;

/** Keras {@code Cropping1D}: drops cells before and after each spatial axis (a negative {@link BaseZeroPadding}). */
public final class Cropping1D extends BaseZeroPadding {
    /** {@code before}, {@code after}: cells removed per spatial axis (length 1). */
    public Cropping1D(String name, boolean channelsFirst, int[] before, int[] after) {
        super(name, 1, channelsFirst, negate(before), negate(after));
    }

    @Override
    public String kerasClass() {
        return "Cropping1D";
    }
}
