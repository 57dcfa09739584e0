package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.AdaptiveAveragePooling1D;

/** Keras {@code AdaptiveAveragePooling1D}: {@code output_size} (an int for every axis, or 1), {@code data_format}. */
public final class AdaptiveAveragePooling1DMapper {
    private AdaptiveAveragePooling1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new AdaptiveAveragePooling1D(ctx.name(), SpatialConfig.channelsFirst(ctx), SpatialConfig.ints(ctx, 1, null, "output_size"));
    }
}
