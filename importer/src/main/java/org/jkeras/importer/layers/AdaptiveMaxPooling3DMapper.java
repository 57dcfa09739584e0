package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.AdaptiveMaxPooling3D;

/** Keras {@code AdaptiveMaxPooling3D}: {@code output_size} (an int for every axis, or 3), {@code data_format}. */
public final class AdaptiveMaxPooling3DMapper {
    private AdaptiveMaxPooling3DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new AdaptiveMaxPooling3D(ctx.name(), SpatialConfig.channelsFirst(ctx), SpatialConfig.ints(ctx, 3, null, "output_size"));
    }
}
