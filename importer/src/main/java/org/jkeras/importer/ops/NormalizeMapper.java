package org.jkeras.importer.ops;

import org.jkeras.importer.Config;
import org.jkeras.importer.LayerMapper;
import org.jkeras.runtime.ops.Normalize;

/**
 * Keras 3 op node {@code Normalize}: {@code axis} (default -1; a list with order 2 only), {@code order} (int ≥ 1),
 * {@code epsilon} (None: {@code backend.epsilon()} = 1e-7).
 */
public final class NormalizeMapper implements LayerMapper {
    @Override
    public org.jkeras.runtime.Layer map(org.jkeras.importer.MapContext ctx) {
        OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
        Config cfg = ctx.config();
        int[] axes = cfg.raw("axis") == null ? null : OpConfig.axes(cfg, "axis");
        int order = cfg.getInt(2, "order");
        if (order < 1) throw cfg.error("order", "must be an int >= 1, got " + order);
        if (order != 2 && (axes == null || axes.length != 1)) throw cfg.error("axis", "order " + order + " over several axes (a matrix norm) is not supported");
        var e = cfg.raw("epsilon");
        if (e != null && !(e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber())) throw cfg.error("epsilon", "expected a number or null, got " + e);
        double eps = e == null ? 1e-7 : e.getAsDouble();
        return new Normalize(ctx.name(), axes, order, eps);
    }
}
