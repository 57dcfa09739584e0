package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.GlobalAveragePooling2D;

/** Keras {@code GlobalAveragePooling2D}: {@code data_format} ({@code dim_ordering}), {@code keepdims} (default false). */
public final class GlobalAveragePooling2DMapper {
    private GlobalAveragePooling2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        SpatialConfig.inputChannels(ctx, 2, SpatialConfig.channelsFirst(ctx));
        return new GlobalAveragePooling2D(ctx.name(), SpatialConfig.channelsFirst(ctx), ctx.config().getBool(false, "keepdims"));
    }
}
