package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.MaxPooling3D;

/** Keras {@code MaxPooling3D}: {@code pool_size} (Keras 1 {@code pool_length}), {@code strides} ({@code stride}; None: the pool size), {@code padding} ({@code border_mode}), {@code data_format} ({@code dim_ordering}). */
public final class MaxPooling3DMapper {
    private MaxPooling3DMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new MaxPooling3D(ctx.name(), SpatialConfig.poolWindow(ctx, 3));
    }
}
