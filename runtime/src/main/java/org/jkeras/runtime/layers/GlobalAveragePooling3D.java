package org.jkeras.runtime.layers;

/** Keras {@code GlobalAveragePooling3D}: the mean of every channel over all cells; see {@link BaseGlobalPooling}. */
public final class GlobalAveragePooling3D extends BaseGlobalPooling {
    public GlobalAveragePooling3D(String name, boolean channelsFirst, boolean keepDims) {
        super(name, 3, channelsFirst, keepDims, false);
    }

    @Override
    public String kerasClass() {
        return "GlobalAveragePooling3D";
    }
}
