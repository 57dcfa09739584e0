package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code Conv2DTranspose}; see {@link ConvMapping#transpose}. */
public final class Conv2DTransposeMapper {
    private Conv2DTransposeMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.transpose(ctx, 2);
    }
}
