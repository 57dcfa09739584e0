package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.UnitNormalization;

/** Keras {@code UnitNormalization(axis=-1)}: an int or a list of axes. */
public final class UnitNormalizationMapper {
    private UnitNormalizationMapper() {
    }

    public static Layer map(MapContext ctx) {
        Shape in = ctx.inputShape();
        int[] axes = NormConfig.axes(ctx, in, "axis", new int[] {-1});
        if (axes.length == 0) throw ctx.config().error("axis", "names no axis");
        return new UnitNormalization(ctx.name(), NormConfig.mask(in.rank(), axes));
    }
}
