package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.AdaptiveMaxPooling2D;

/** Keras {@code AdaptiveMaxPooling2D}: {@code output_size} (an int for every axis, or 2), {@code data_format}. */
public final class AdaptiveMaxPooling2DMapper {
    private AdaptiveMaxPooling2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new AdaptiveMaxPooling2D(ctx.name(), SpatialConfig.channelsFirst(ctx), SpatialConfig.ints(ctx, 2, null, "output_size"));
    }
}
