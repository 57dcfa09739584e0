package org.jkeras.runtime.layers;

/** Keras {@code Cropping3D}: drops cells before and after each spatial axis (a negative {@link BaseZeroPadding}). */
public final class Cropping3D extends BaseZeroPadding {
    /** {@code before}, {@code after}: cells removed per spatial axis (length 3). */
    public Cropping3D(String name, boolean channelsFirst, int[] before, int[] after) {
        super(name, 3, channelsFirst, negate(before), negate(after));
    }

    @Override
    public String kerasClass() {
        return "Cropping3D";
    }
}
