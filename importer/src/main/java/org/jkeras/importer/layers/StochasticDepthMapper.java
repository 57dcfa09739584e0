package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Identity;

/**
 * {@code keras.applications.convnext.StochasticDepth(drop_path_rate)}: drops whole residual paths in training
 * only; at inference it returns its input unchanged.
 */
public final class StochasticDepthMapper {
    private StochasticDepthMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        ctx.config().getFloat(0f, "drop_path_rate");
        ctx.expectWeightCount(0);
        return new Identity(ctx.name(), "StochasticDepth");
    }
}
