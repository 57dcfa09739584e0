package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.LayerScale;

/**
 * {@code keras.applications.convnext.LayerScale(init_values, projection_dim)}: one weight, gamma of shape
 * {@code (projection_dim,)}; {@code init_values} only sets gamma's initial value.
 */
public final class LayerScaleMapper {
    private LayerScaleMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        int dim = ctx.config().getInt("projection_dim");
        if (dim < 1) throw ctx.config().error("projection_dim", "must be at least 1, got " + dim);
        ctx.config().getFloat(0f, "init_values");
        ctx.expectWeightCount(1);
        return new LayerScale(ctx.name(), ctx.weight(0, "gamma", dim));
    }
}
