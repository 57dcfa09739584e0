package org.jkeras.importer.layers;

import java.util.Arrays;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.RMSNormalization;

/**
 * Keras {@code RMSNormalization(axis=-1, epsilon=1e-6)}: one weight, scale, shaped by the input's sizes on the axes
 * in the order of the sorted config values (Keras sorts {@code axis} as written, negative values first).
 */
public final class RMSNormalizationMapper {
    private RMSNormalizationMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        Shape in = ctx.inputShape();
        int[] axes = NormConfig.axes(ctx, in, "axis", new int[] {-1}); // checked, 0-based sample axes in config order
        int[] raw = cfg.has("axis") ? cfg.getIntArray("axis") : new int[] {-1};
        Integer[] order = new Integer[raw.length];
        for (int i = 0; i < raw.length; i++) order[i] = i;
        Arrays.sort(order, (p, q) -> Integer.compare(raw[p], raw[q]));
        int[] sorted = new int[raw.length];
        for (int i = 0; i < raw.length; i++) sorted[i] = axes[order[i]];
        int[] scaleShape = NormConfig.dims(ctx, in, sorted);
        ctx.expectWeightCount(1);
        float[] scale = ctx.weight(0, "scale", scaleShape);
        return new RMSNormalization(ctx.name(), NormConfig.mask(in.rank(), axes), scale, scaleShape, cfg.getFloat(1e-6f, "epsilon"));
    }
}
