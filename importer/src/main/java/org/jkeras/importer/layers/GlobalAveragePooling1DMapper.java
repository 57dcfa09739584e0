package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.GlobalAveragePooling1D;

/** Keras {@code GlobalAveragePooling1D}: {@code data_format} ({@code dim_ordering}), {@code keepdims} (default false); the masked mean of the file's Keras generation. */
public final class GlobalAveragePooling1DMapper {
    private GlobalAveragePooling1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        SpatialConfig.inputChannels(ctx, 1, SpatialConfig.channelsFirst(ctx));
        return new GlobalAveragePooling1D(ctx.name(), SpatialConfig.channelsFirst(ctx), ctx.config().getBool(false, "keepdims"), ctx.semantics());
    }
}
