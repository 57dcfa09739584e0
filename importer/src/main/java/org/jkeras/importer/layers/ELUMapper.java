package org.jkeras.importer.layers;

import org.jkeras.activations.Activations;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.ActivationLayer;

/** Keras {@code ELU(alpha=1.0)}: {@code x if x > 0 else alpha·(exp(x) − 1)}. */
public final class ELUMapper {
    private ELUMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new ActivationLayer(ctx.name(), "ELU", Activations.elu(ctx.config().getFloat(1f, "alpha")));
    }
}
