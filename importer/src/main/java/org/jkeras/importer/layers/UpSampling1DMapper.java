package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.BaseUpSampling;
import org.jkeras.runtime.layers.UpSampling1D;

/** Keras {@code UpSampling1D(size=2)} (Keras 1 {@code length}): each step repeated. */
public final class UpSampling1DMapper {
    private UpSampling1DMapper() {
    }

    public static Layer map(MapContext ctx) {
        int[] size = SpatialConfig.ints(ctx, 1, new int[] {2}, "size", "length");
        return new UpSampling1D(ctx.name(), SpatialConfig.channelsFirst(ctx), size, BaseUpSampling.Interpolation.NEAREST);
    }
}
