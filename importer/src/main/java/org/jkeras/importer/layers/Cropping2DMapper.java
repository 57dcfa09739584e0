package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Cropping2D;

/** Keras {@code Cropping2D(cropping, data_format)}: an int, per-axis ints or (before, after) pairs; Keras 1 also a dict. */
public final class Cropping2DMapper {
    private Cropping2DMapper() {
    }

    public static Layer map(MapContext ctx) {
        int[][] c = SpatialConfig.amounts(ctx, 2, "cropping", "_crop");
        return new Cropping2D(ctx.name(), SpatialConfig.channelsFirst(ctx), c[0], c[1]);
    }
}
