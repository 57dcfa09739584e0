package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.HashedCrossing;

/** Keras {@code HashedCrossing(num_bins, output_mode="int")} of two or more string or integer features. */
public final class HashedCrossingMapper {
    private HashedCrossingMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        int bins = cfg.getInt("num_bins");
        if (bins < 1) throw cfg.error("num_bins", "must be positive, got " + bins);
        if (bins - 1 > Tensor.MAX_EXACT_INT && Mode.of(cfg.getStringOr("int", "output_mode")) == Mode.INT) {
            throw cfg.error("num_bins", bins + " bins give ids beyond 2^24, which float32 cannot hold exactly");
        }
        return new HashedCrossing(ctx.name(), bins, PrepConfig.mode(ctx, "int", Mode.INT, Mode.ONE_HOT));
    }
}
