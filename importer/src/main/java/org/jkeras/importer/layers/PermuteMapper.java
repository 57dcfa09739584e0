package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Permute;

/** Keras {@code Permute(dims)}, dims 1-based. */
public final class PermuteMapper {
    private PermuteMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new Permute(ctx.name(), ctx.config().getIntArray("dims"));
    }
}
