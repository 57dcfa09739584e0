package org.jkeras.runtime.layers;

/** Keras {@code GlobalMaxPooling3D}: the maximum of every channel over all cells; see {@link BaseGlobalPooling}. */
public final class GlobalMaxPooling3D extends BaseGlobalPooling {
    public GlobalMaxPooling3D(String name, boolean channelsFirst, boolean keepDims) {
        super(name, 3, channelsFirst, keepDims, true);
    }

    @Override
    public String kerasClass() {
        return "GlobalMaxPooling3D";
    }
}
