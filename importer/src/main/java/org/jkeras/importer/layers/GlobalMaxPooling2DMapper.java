package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.GlobalMaxPooling2D;

/** Keras {@code GlobalMaxPooling2D}: {@code data_format} ({@code dim_ordering}), {@code keepdims} (default false). */
public final class GlobalMaxPooling2DMapper {
    private GlobalMaxPooling2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        SpatialConfig.inputChannels(ctx, 2, SpatialConfig.channelsFirst(ctx));
        return new GlobalMaxPooling2D(ctx.name(), SpatialConfig.channelsFirst(ctx), ctx.config().getBool(false, "keepdims"));
    }
}
