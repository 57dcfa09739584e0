package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.AdaptiveAveragePooling2D;

/** Keras {@code AdaptiveAveragePooling2D}: {@code output_size} (an int for every axis, or 2), {@code data_format}. */
public final class AdaptiveAveragePooling2DMapper {
    private AdaptiveAveragePooling2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new AdaptiveAveragePooling2D(ctx.name(), SpatialConfig.channelsFirst(ctx), SpatialConfig.ints(ctx, 2, null, "output_size"));
    }
}
