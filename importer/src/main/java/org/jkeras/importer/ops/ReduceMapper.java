package org.jkeras.importer.ops;

import org.jkeras.importer.Config;
import org.jkeras.importer.LayerMapper;
import org.jkeras.runtime.ops.Reduce;

/**
 * Keras 3 reduction op nodes ({@code Sum}, {@code Mean}, {@code Argmax} ...): the tensor as the argument, {@code axis}
 * (int, list, or None for every axis; 0 is the batch axis) and {@code keepdims} in the config.
 */
public final class ReduceMapper {
    private ReduceMapper() {
    }

    public static LayerMapper of(Reduce.Fn fn) {
        return ctx -> {
            OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
            Config cfg = ctx.config();
            int[] axes = OpConfig.axes(cfg, "axis");
            if ((fn == Reduce.Fn.ARGMAX || fn == Reduce.Fn.ARGMIN) && axes != null && axes.length != 1) {
                throw cfg.error("axis", "argmax/argmin take one axis or None");
            }
            if (cfg.has("initial") && fn != Reduce.Fn.MAX && fn != Reduce.Fn.MIN) throw cfg.error("initial", "'initial' is not supported here");
            float initial = cfg.getFloat(Float.NaN, "initial");
            if (cfg.has("dtype")) throw cfg.error("dtype", "an explicit accumulation dtype is not supported");
            Reduce r = new Reduce(ctx.name(), ctx.className(), fn, axes, cfg.getBool(false, "keepdims"));
            return Float.isNaN(initial) ? r : r.withInitial(initial);
        };
    }
}
