package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.AdditiveAttention;

/** Keras {@code AdditiveAttention}: {@code use_scale} (default True: weight scale (dim)), {@code causal} / the call's {@code use_causal_mask}, {@code return_attention_scores}. */
public final class AdditiveAttentionMapper {
    private AdditiveAttentionMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        boolean useScale = cfg.getBool(true, "use_scale");
        Shape q = ctx.inputShapes().get(0);
        ctx.expectWeightCount(useScale ? 1 : 0);
        float[] scale = useScale ? ctx.weight(0, "scale", q.dim(-1)) : null;
        Config call = ctx.callKwargs();
        return new AdditiveAttention(ctx.name(), scale, cfg.getBool(false, "causal") || call.getBool(false, "use_causal_mask"),
                call.getBool(false, "return_attention_scores"));
    }
}
