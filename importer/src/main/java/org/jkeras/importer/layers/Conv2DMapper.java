package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code Conv2D} and Keras 1 {@code Convolution2D}, {@code AtrousConvolution2D}; see {@link ConvMapping#conv}. */
public final class Conv2DMapper {
    private Conv2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.conv(ctx, 2);
    }
}
