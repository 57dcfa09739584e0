package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code SeparableConv2D} and Keras 1 {@code SeparableConvolution2D}; see {@link ConvMapping#separable}. */
public final class SeparableConv2DMapper {
    private SeparableConv2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.separable(ctx, 2);
    }
}
