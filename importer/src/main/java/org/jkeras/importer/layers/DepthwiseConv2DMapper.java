package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code DepthwiseConv2D}; see {@link ConvMapping#depthwise}. */
public final class DepthwiseConv2DMapper {
    private DepthwiseConv2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.depthwise(ctx, 2);
    }
}
