package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Attention;

/**
 * Keras {@code Attention}: {@code use_scale}, {@code score_mode} (dot, concat), {@code causal} (tf.keras) or the
 * call's {@code use_causal_mask}, the call's {@code return_attention_scores}; {@code dropout} acts only in training.
 * Weights: scale () with use_scale, then concat_score_weight () with concat.
 */
public final class AttentionMapper {
    private AttentionMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        String mode = cfg.getStringOr("dot", "score_mode");
        if (!mode.equals("dot") && !mode.equals("concat")) throw cfg.error("score_mode", "expected dot or concat, got '" + mode + "'");
        boolean useScale = cfg.getBool(false, "use_scale"), concat = mode.equals("concat");
        ctx.expectWeightCount((useScale ? 1 : 0) + (concat ? 1 : 0));
        Float scale = useScale ? ctx.weight(0, "scale")[0] : null;
        float concatWeight = concat ? ctx.weight(useScale ? 1 : 0, "concat_score_weight")[0] : 1f;
        Config call = ctx.callKwargs();
        return new Attention(ctx.name(), concat, scale, concatWeight, cfg.getBool(false, "causal") || call.getBool(false, "use_causal_mask"),
                call.getBool(false, "return_attention_scores"));
    }
}
