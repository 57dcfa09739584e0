package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.GlobalMaxPooling3D;

/** Keras {@code GlobalMaxPooling3D}: {@code data_format} ({@code dim_ordering}), {@code keepdims} (default false). */
public final class GlobalMaxPooling3DMapper {
    private GlobalMaxPooling3DMapper() {
    }

    public static Layer map(MapContext ctx) {
        SpatialConfig.inputChannels(ctx, 3, SpatialConfig.channelsFirst(ctx));
        return new GlobalMaxPooling3D(ctx.name(), SpatialConfig.channelsFirst(ctx), ctx.config().getBool(false, "keepdims"));
    }
}
