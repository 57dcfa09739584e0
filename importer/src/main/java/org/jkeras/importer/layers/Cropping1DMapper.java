package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Cropping1D;

/** Keras {@code Cropping1D(cropping, data_format)}: an int, per-axis ints or (before, after) pairs; Keras 1 also a dict. */
public final class Cropping1DMapper {
    private Cropping1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        int[][] c = SpatialConfig.amounts(ctx, 1, "cropping", "_crop");
        return new Cropping1D(ctx.name(), SpatialConfig.channelsFirst(ctx), c[0], c[1]);
    }
}
