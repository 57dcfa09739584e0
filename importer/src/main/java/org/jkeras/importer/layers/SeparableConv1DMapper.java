package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code SeparableConv1D}; see {@link ConvMapping#separable}. */
public final class SeparableConv1DMapper {
    private SeparableConv1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.separable(ctx, 1);
    }
}
