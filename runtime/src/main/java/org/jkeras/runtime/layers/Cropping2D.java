package org.jkeras.runtime.layers;

/** Keras {@code Cropping2D}: drops cells before and after each spatial axis (a negative {@link BaseZeroPadding}). */
public final class Cropping2D extends BaseZeroPadding {
    /** {@code before}, {@code after}: cells removed per spatial axis (length 2). */
    public Cropping2D(String name, boolean channelsFirst, int[] before, int[] after) {
        super(name, 2, channelsFirst, negate(before), negate(after));
    }

    @Override
    public String kerasClass() {
        return "Cropping2D";
    }
}
