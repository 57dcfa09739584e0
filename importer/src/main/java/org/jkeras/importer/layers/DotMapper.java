package org.jkeras.importer.layers;

import org.jkeras.activations.Semantics;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.Dot;

/** Keras {@code Dot(axes, normalize=False)}: {@code axes} an int or a pair, counting the batch axis. */
public final class DotMapper {
    private DotMapper() {
    }

    public static Layer map(MapContext ctx) {
        if (ctx.inputShapes().size() != 2) throw ctx.error("Dot takes 2 inputs, got " + ctx.inputShapes().size());
        int[] axes = ctx.config().getIntArray("axes");
        return of(ctx, axes, ctx.config().getBool(false, "normalize"), "axes");
    }

    /** Also serves Keras 1 {@code Merge(mode='dot' | 'cos', dot_axes)}. */
    static Dot of(MapContext ctx, int[] axes, boolean normalize, String key) {
        Config cfg = ctx.config();
        Shape x = ctx.inputShapes().get(0), y = ctx.inputShapes().get(1);
        if (axes.length != 1 && axes.length != 2) throw cfg.error(key, "expected one axis or two, got " + axes.length);
        int ax = axes[0], ay = axes.length == 2 ? axes[1] : axes[0];
        // negative axes count from the end of each input's rank (batch included), as Keras does
        if (ax < 0) ax += x.rank() + 1;
        if (ay < 0) ay += y.rank() + 1;
        if (ax < 1 || ax > x.rank() || ay < 1 || ay > y.rank()) {
            throw cfg.error(key, "axes " + java.util.Arrays.toString(axes) + " do not fit inputs " + x.prepend(Shape.UNKNOWN) + " and " + y.prepend(Shape.UNKNOWN));
        }
        float eps = ctx.semantics() == Semantics.KERAS_3 ? 1e-7f : 1e-12f;
        return new Dot(ctx.name(), ax - 1, ay - 1, normalize, eps);
    }
}
