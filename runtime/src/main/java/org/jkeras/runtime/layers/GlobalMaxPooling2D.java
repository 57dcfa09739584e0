package org.jkeras.runtime.layers;

/** Keras {@code GlobalMaxPooling2D}: the maximum of every channel over all cells; see {@link BaseGlobalPooling}. */
public final class GlobalMaxPooling2D extends BaseGlobalPooling {
    public GlobalMaxPooling2D(String name, boolean channelsFirst, boolean keepDims) {
        super(name, 2, channelsFirst, keepDims, true);
    }

    @Override
    public String kerasClass() {
        return "GlobalMaxPooling2D";
    }
}
