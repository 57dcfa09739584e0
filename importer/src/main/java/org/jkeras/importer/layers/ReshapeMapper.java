package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Reshape;

/** Keras {@code Reshape(target_shape)}: one -1 may be inferred. */
public final class ReshapeMapper {
    private ReshapeMapper() {
    }

    public static Layer map(MapContext ctx) {
        int[] target = ctx.config().getIntArray("target_shape", "dims");
        for (int d : target) if (d < -1 || d == 0) throw ctx.config().error("target_shape", "bad dimension " + d);
        return new Reshape(ctx.name(), target);
    }
}
