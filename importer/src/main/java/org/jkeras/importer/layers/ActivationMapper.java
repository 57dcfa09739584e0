package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.ActivationLayer;

/** Keras {@code Activation}: the named activation on the last axis. */
public final class ActivationMapper {
    private ActivationMapper() {
    }

    public static Layer map(MapContext ctx) {
        return new ActivationLayer(ctx.name(), "Activation", ctx.activation(null, "activation"));
    }
}
