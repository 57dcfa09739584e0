package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.GroupNormalization;

/** Keras 3 {@code GroupNormalization(groups=32, axis=-1, epsilon=1e-3, center, scale)}: gamma (C) if scale, beta (C) if center. */
public final class GroupNormalizationMapper {
    private GroupNormalizationMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        Shape in = ctx.inputShape();
        int axis = NormConfig.axes(ctx, in, "axis", new int[] {-1})[0];
        int c = NormConfig.dims(ctx, in, new int[] {axis})[0];
        int groups = cfg.getInt(32, "groups");
        if (groups == -1) groups = c;
        if (groups < 1 || c % groups != 0) throw cfg.error("groups", groups + " must divide the " + c + " channels");
        boolean scale = cfg.getBool(true, "scale"), center = cfg.getBool(true, "center");
        ctx.expectWeightCount((scale ? 1 : 0) + (center ? 1 : 0));
        float[] gamma = scale ? ctx.weight(0, "gamma", c) : null;
        float[] beta = center ? ctx.weight(scale ? 1 : 0, "beta", c) : null;
        return new GroupNormalization(ctx.name(), axis, c, groups, gamma, beta, cfg.getFloat(1e-3f, "epsilon"));
    }
}
