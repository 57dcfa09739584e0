package org.jkeras.importer.layers;

import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.Hashing;

/** Keras {@code Hashing(num_bins, mask_value, salt, output_mode="int")} on strings or integer-valued inputs; a string {@code mask_value} masks strings. */
public final class HashingMapper {
    private HashingMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        Config cfg = ctx.config();
        int bins = cfg.getInt("num_bins");
        if (bins < 1) throw cfg.error("num_bins", "must be positive, got " + bins);
        if (bins - 1 > Tensor.MAX_EXACT_INT && Mode.of(cfg.getStringOr("int", "output_mode")) == Mode.INT) {
            throw cfg.error("num_bins", bins + " bins give ids beyond 2^24, which float32 cannot hold exactly");
        }
        Mode mode = PrepConfig.mode(ctx, "int", Mode.INT, Mode.ONE_HOT, Mode.MULTI_HOT, Mode.COUNT);
        JsonElement mask = cfg.raw("mask_value");
        if (mask != null && mask.isJsonPrimitive() && mask.getAsJsonPrimitive().isString()) {
            return new Hashing(ctx.name(), bins, mask.getAsString(), PrepConfig.salt(ctx), mode);
        }
        return new Hashing(ctx.name(), bins, mask == null ? null : cfg.getFloat("mask_value"), PrepConfig.salt(ctx), mode);
    }
}
