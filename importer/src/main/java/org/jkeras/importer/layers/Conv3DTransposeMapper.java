package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code Conv3DTranspose}; see {@link ConvMapping#transpose}. */
public final class Conv3DTransposeMapper {
    private Conv3DTransposeMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.transpose(ctx, 3);
    }
}
