package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.ZeroPadding3D;

/** Keras {@code ZeroPadding3D(padding, data_format)}: an int, per-axis ints or (before, after) pairs; Keras 1 also a dict. */
public final class ZeroPadding3DMapper {
    private ZeroPadding3DMapper() {
    }

    public static Layer map(MapContext ctx) {
        int[][] p = SpatialConfig.amounts(ctx, 3, "padding", "_pad");
        return new ZeroPadding3D(ctx.name(), SpatialConfig.channelsFirst(ctx), p[0], p[1]);
    }
}
