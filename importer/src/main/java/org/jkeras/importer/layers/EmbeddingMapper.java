package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.Embedding;

/** Keras {@code Embedding}: {@code input_dim}, {@code output_dim}, {@code mask_zero}; weight embeddings (input_dim, output_dim) (Keras 1 {@code W}). */
public final class EmbeddingMapper {
    private EmbeddingMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        int inputDim = cfg.getInt("input_dim"), outputDim = cfg.getInt("output_dim");
        if (inputDim <= 0) throw cfg.error("input_dim", "must be positive, got " + inputDim);
        if (outputDim <= 0) throw cfg.error("output_dim", "must be positive, got " + outputDim);
        if (cfg.has("quantization_config")) throw cfg.error("quantization_config", "quantized embeddings are not supported");
        ctx.inputShape();
        ctx.expectWeightCount(1);
        float[] table = ctx.weight(0, "embeddings", inputDim, outputDim);
        return new Embedding(ctx.name(), inputDim, outputDim, table, cfg.getBool(false, "mask_zero"));
    }
}
