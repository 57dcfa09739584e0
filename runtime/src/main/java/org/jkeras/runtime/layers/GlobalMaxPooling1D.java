package org.jkeras.runtime.layers;

/** Keras {@code GlobalMaxPooling1D}: the maximum of every channel over all cells; see {@link BaseGlobalPooling}. */
public final class GlobalMaxPooling1D extends BaseGlobalPooling {
    public GlobalMaxPooling1D(String name, boolean channelsFirst, boolean keepDims) {
        super(name, 1, channelsFirst, keepDims, true);
    }

    @Override
    public String kerasClass() {
        return "GlobalMaxPooling1D";
    }
}
