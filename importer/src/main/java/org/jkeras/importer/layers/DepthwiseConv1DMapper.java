package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code DepthwiseConv1D}; see {@link ConvMapping#depthwise}. */
public final class DepthwiseConv1DMapper {
    private DepthwiseConv1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.depthwise(ctx, 1);
    }
}
