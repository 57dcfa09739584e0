package org.jkeras.runtime.layers;

/** Keras {@code GlobalAveragePooling2D}: the mean of every channel over all cells; see {@link BaseGlobalPooling}. */
public final class GlobalAveragePooling2D extends BaseGlobalPooling {
    public GlobalAveragePooling2D(String name, boolean channelsFirst, boolean keepDims) {
        super(name, 2, channelsFirst, keepDims, false);
    }

    @Override
    public String kerasClass() {
        return "GlobalAveragePooling2D";
    }
}
