package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.BaseUpSampling;
import org.jkeras.runtime.layers.UpSampling3D;

/** Keras {@code UpSampling3D(size=(2, 2, 2), data_format)}: each cell repeated. */
public final class UpSampling3DMapper {
    private UpSampling3DMapper() {
    }

    public static Layer map(MapContext ctx) {
        int[] size = SpatialConfig.ints(ctx, 3, new int[] {2, 2, 2}, "size");
        return new UpSampling3D(ctx.name(), SpatialConfig.channelsFirst(ctx), size, BaseUpSampling.Interpolation.NEAREST);
    }
}
