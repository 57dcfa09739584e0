package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.AveragePooling1D;

/** Keras {@code AveragePooling1D}: {@code pool_size} (Keras 1 {@code pool_length}), {@code strides} ({@code stride}; None: the pool size), {@code padding} ({@code border_mode}), {@code data_format} ({@code dim_ordering}). */
public final class AveragePooling1DMapper {
    private AveragePooling1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new AveragePooling1D(ctx.name(), SpatialConfig.poolWindow(ctx, 1));
    }
}
