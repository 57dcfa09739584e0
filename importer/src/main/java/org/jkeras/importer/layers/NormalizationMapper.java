package org.jkeras.importer.layers;

import java.util.Arrays;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.Normalization;

/**
 * Keras {@code Normalization(axis=-1, mean=None, variance=None, invert=False)}: the kept axes ({@code axis}; an
 * empty list: one scalar mean) carry mean and variance, from the config when given there, else from the adapted
 * weights {@code mean}, {@code variance} (and {@code count}, unused) of shape {@code input_shape[kept axes]}. They
 * are aligned to the kept axes from the right, as Keras does.
 */
public final class NormalizationMapper {
    private NormalizationMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        Shape in = ctx.inputShape();
        int[] keep = NormConfig.axes(ctx, in, "axis", new int[] {-1});
        keep = Arrays.stream(keep).sorted().toArray();
        int[] keptDims = NormConfig.dims(ctx, in, keep);
        float[] mean, variance;
        int[] shape;
        long params = 0;
        if (cfg.has("mean") || cfg.has("variance")) {
            NormConfig.NumArray m = NormConfig.numbers(ctx, "mean", cfg.raw("mean"));
            NormConfig.NumArray v = NormConfig.numbers(ctx, "variance", cfg.raw("variance"));
            if (!Arrays.equals(m.shape(), v.shape())) throw cfg.error("variance", "shape " + Arrays.toString(v.shape()) + " differs from mean's " + Arrays.toString(m.shape()));
            mean = m.values();
            variance = v.values();
            shape = m.shape();
        } else {
            if (ctx.weightCount() < 2 || ctx.weightCount() > 3) ctx.expectWeightCount(3);
            shape = ctx.weightShape(0);
            long n = 1;
            for (int d : shape) n *= d;
            long want = 1;
            for (int d : keptDims) want *= d;
            if (n != want) throw ctx.error("weight 'mean' has shape " + Arrays.toString(shape) + ", the kept axes need " + Arrays.toString(keptDims));
            mean = ctx.weight(0, "mean", shape);
            variance = ctx.weight(1, "variance", shape);
            params = 2L * mean.length + (ctx.weightCount() == 3 ? 1 : 0);
            if (shape.length > keep.length) shape = keptDims; // an older layout with broadcast 1s
        }
        if (shape.length > keep.length) throw cfg.error("mean", "has rank " + shape.length + ", more than the " + keep.length + " kept axes");
        int[] param = new int[in.rank()];
        Arrays.fill(param, 1);
        for (int i = 1; i <= shape.length; i++) param[keep[keep.length - i]] = shape[shape.length - i];
        return new Normalization(ctx.name(), mean, variance, param, cfg.getBool(false, "invert"), params);
    }
}
