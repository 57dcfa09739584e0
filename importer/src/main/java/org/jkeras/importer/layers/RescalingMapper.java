package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Rescaling;

/** Keras {@code Rescaling(scale, offset=0.0)}: each a number or an array (nested list) broadcast onto the input. */
public final class RescalingMapper {
    private RescalingMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        NormConfig.NumArray scale = NormConfig.numbers(ctx, "scale", ctx.config().raw("scale") == null ? missing(ctx) : ctx.config().raw("scale"));
        NormConfig.NumArray offset = ctx.config().has("offset") ? NormConfig.numbers(ctx, "offset", ctx.config().raw("offset"))
                : new NormConfig.NumArray(new float[] {0f}, new int[0]);
        return new Rescaling(ctx.name(), scale.values(), scale.shape(), offset.values(), offset.shape());
    }

    private static com.google.gson.JsonElement missing(MapContext ctx) {
        ctx.config().getFloat("scale"); // throws: missing key
        return null;
    }
}
