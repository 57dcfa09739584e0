package org.jkeras.importer.layers;

import org.jkeras.activations.Semantics;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.LayerNormalization;

/**
 * Keras {@code LayerNormalization(axis=-1, epsilon=1e-3, center, scale, rms_scaling)}: gamma (if scale or
 * rms_scaling) then beta (if center and not rms_scaling), each of shape {@code input_shape[axis]} in config order.
 * Keras 3 takes the one-pass variance, tf.keras 2 the two-pass one (see {@link LayerNormalization}).
 */
public final class LayerNormalizationMapper {
    private LayerNormalizationMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        Shape in = ctx.inputShape();
        int[] axes = NormConfig.axes(ctx, in, "axis", new int[] {-1});
        if (axes.length == 0) throw cfg.error("axis", "names no axis");
        int[] dims = NormConfig.dims(ctx, in, axes);
        boolean rms = cfg.getBool(false, "rms_scaling");
        boolean scale = cfg.getBool(true, "scale") || rms, center = cfg.getBool(true, "center") && !rms;
        float epsilon = cfg.getFloat(1e-3f, "epsilon");
        ctx.expectWeightCount((scale ? 1 : 0) + (center ? 1 : 0));
        float[] gamma = scale ? ctx.weight(0, "gamma", dims) : null;
        float[] beta = center ? ctx.weight(scale ? 1 : 0, "beta", dims) : null;
        return new LayerNormalization(ctx.name(), NormConfig.mask(in.rank(), axes), gamma, beta, epsilon, rms, ctx.semantics() == Semantics.KERAS_3);
    }
}
