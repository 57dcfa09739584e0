package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;

/** Keras {@code Conv3D} and Keras 1 {@code Convolution3D}; see {@link ConvMapping#conv}. */
public final class Conv3DMapper {
    private Conv3DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return ConvMapping.conv(ctx, 3);
    }
}
