package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.AdaptiveMaxPooling1D;

/** Keras {@code AdaptiveMaxPooling1D}: {@code output_size} (an int for every axis, or 1), {@code data_format}. */
public final class AdaptiveMaxPooling1DMapper {
    private AdaptiveMaxPooling1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new AdaptiveMaxPooling1D(ctx.name(), SpatialConfig.channelsFirst(ctx), SpatialConfig.ints(ctx, 1, null, "output_size"));
    }
}
