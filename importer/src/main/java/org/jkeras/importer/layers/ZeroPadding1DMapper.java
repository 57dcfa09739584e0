package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.ZeroPadding1D;

/** Keras {@code ZeroPadding1D(padding, data_format)}: an int, per-axis ints or (before, after) pairs; Keras 1 also a dict. */
public final class ZeroPadding1DMapper {
    private ZeroPadding1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        int[][] p = SpatialConfig.amounts(ctx, 1, "padding", "_pad");
        return new ZeroPadding1D(ctx.name(), SpatialConfig.channelsFirst(ctx), p[0], p[1]);
    }
}
