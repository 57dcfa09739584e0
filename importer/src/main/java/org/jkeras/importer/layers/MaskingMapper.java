package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Masking;

/** Keras {@code Masking}: {@code mask_value} (default 0). */
public final class MaskingMapper {
    private MaskingMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        ctx.expectWeightCount(0);
        return new Masking(ctx.name(), ctx.config().getFloat(0f, "mask_value"));
    }
}
