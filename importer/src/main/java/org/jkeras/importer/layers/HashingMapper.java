package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.Hashing;

/** Keras {@code Hashing(num_bins, mask_value, salt, output_mode="int")} on integer-valued inputs. */
public final class HashingMapper {
    private HashingMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        Config cfg = ctx.config();
        int bins = cfg.getInt("num_bins");
        if (bins < 1) throw cfg.error("num_bins", "must be positive, got " + bins);
        Float mask = cfg.has("mask_value") ? cfg.getFloat("mask_value") : null;
        return new Hashing(ctx.name(), bins, mask, PrepConfig.salt(ctx), PrepConfig.mode(ctx, "int", Mode.INT, Mode.ONE_HOT, Mode.MULTI_HOT, Mode.COUNT));
    }
}
