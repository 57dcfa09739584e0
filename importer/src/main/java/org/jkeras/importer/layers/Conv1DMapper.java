package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code Conv1D} and Keras 1 {@code Convolution1D}, {@code AtrousConvolution1D}; see {@link ConvMapping#conv}. */
public final class Conv1DMapper {
    private Conv1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.conv(ctx, 1);
    }
}
