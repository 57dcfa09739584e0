package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.BatchNormalization;

/**
 * Keras {@code BatchNormalization(axis=-1, epsilon=1e-3, center, scale)}: weights gamma (if scale), beta (if
 * center), moving mean, moving variance (Keras 1 calls it {@code running_std} but stores the variance).
 */
public final class BatchNormalizationMapper {
    private BatchNormalizationMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        Shape in = ctx.inputShape();
        int[] axes = cfg.has("axis") ? cfg.getIntArray("axis") : new int[] {-1};
        if (axes.length != 1) throw cfg.error("axis", "normalising over several axes is not supported, got " + java.util.Arrays.toString(axes));
        int rank = in.rank() + 1;
        int axis = axes[0] < 0 ? axes[0] + rank : axes[0];
        if (axis <= 0 || axis >= rank) throw cfg.error("axis", "axis " + axes[0] + " is out of range for input " + in.prepend(Shape.UNKNOWN));
        int c = in.dim(axis - 1);
        if (c == Shape.UNKNOWN) throw ctx.error("the channel axis of input " + in + " must be known");
        if (cfg.getInt(0, "mode") != 0) throw cfg.error("mode", "Keras 1 BatchNormalization mode " + cfg.getInt(0, "mode") + " is not supported (only mode 0)");
        boolean scale = cfg.getBool(true, "scale");
        boolean center = cfg.getBool(true, "center");
        float epsilon = cfg.getFloat(1e-3f, "epsilon");
        int n = (scale ? 1 : 0) + (center ? 1 : 0) + 2;
        ctx.expectWeightCount(n);
        int i = 0;
        float[] gamma = scale ? ctx.weight(i++, "gamma", c) : null;
        float[] beta = center ? ctx.weight(i++, "beta", c) : null;
        float[] mean = ctx.weight(i++, "moving_mean", c);
        float[] variance = ctx.weight(i, "moving_variance", c);
        return BatchNormalization.fromStatistics(ctx.name(), axis - 1, gamma, beta, mean, variance, epsilon, (long) n * c);
    }
}
