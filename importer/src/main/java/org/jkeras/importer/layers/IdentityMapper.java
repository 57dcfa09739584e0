package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Identity;

/** Layers that do nothing at inference (Dropout and noise layers, ActivityRegularization, Identity). */
public final class IdentityMapper {
    private IdentityMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        return new Identity(ctx.name(), ctx.className());
    }
}
