package org.jkeras.runtime.layers;

/** Keras {@code GlobalAveragePooling1D}: the mean of every channel over all cells; see {@link BaseGlobalPooling}. */
public final class GlobalAveragePooling1D extends BaseGlobalPooling {
    public GlobalAveragePooling1D(String name, boolean channelsFirst, boolean keepDims) {
        super(name, 1, channelsFirst, keepDims, false);
    }

    @Override
    public String kerasClass() {
        return "GlobalAveragePooling1D";
    }
}
