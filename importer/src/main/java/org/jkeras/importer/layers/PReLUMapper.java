package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.layers.PReLU;

/** Keras {@code PReLU}: one alpha per element of the sample shape, size 1 along {@code shared_axes} (1-based). */
public final class PReLUMapper {
    private PReLUMapper() {
    }

    public static Layer map(MapContext ctx) {
        Shape in = ctx.inputShape();
        int[] dims = in.dims();
        if (ctx.config().has("shared_axes")) {
            for (int a : ctx.config().getIntArray("shared_axes")) {
                int axis = a < 0 ? a + dims.length + 1 : a;
                if (axis < 1 || axis > dims.length) throw ctx.config().error("shared_axes", "axis " + a + " is out of range for input " + in);
                dims[axis - 1] = 1;
            }
        }
        for (int d : dims) if (d == Shape.UNKNOWN) throw ctx.error("input shape " + in + " must be known on the axes that are not shared");
        ctx.expectWeightCount(1);
        Shape alphaShape = Shape.of(dims);
        return new PReLU(ctx.name(), ctx.weight(0, "alpha", dims), alphaShape);
    }
}
