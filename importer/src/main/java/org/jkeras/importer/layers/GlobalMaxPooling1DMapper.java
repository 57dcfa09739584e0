package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.GlobalMaxPooling1D;

/** Keras {@code GlobalMaxPooling1D}: {@code data_format} ({@code dim_ordering}), {@code keepdims} (default false). */
public final class GlobalMaxPooling1DMapper {
    private GlobalMaxPooling1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        SpatialConfig.inputChannels(ctx, 1, SpatialConfig.channelsFirst(ctx));
        return new GlobalMaxPooling1D(ctx.name(), SpatialConfig.channelsFirst(ctx), ctx.config().getBool(false, "keepdims"));
    }
}
