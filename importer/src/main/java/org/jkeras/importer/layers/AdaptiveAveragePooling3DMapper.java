package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.AdaptiveAveragePooling3D;

/** Keras {@code AdaptiveAveragePooling3D}: {@code output_size} (an int for every axis, or 3), {@code data_format}. */
public final class AdaptiveAveragePooling3DMapper {
    private AdaptiveAveragePooling3DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new AdaptiveAveragePooling3D(ctx.name(), SpatialConfig.channelsFirst(ctx), SpatialConfig.ints(ctx, 3, null, "output_size"));
    }
}
