package org.jkeras.importer.ops;

import java.util.ArrayList;
import java.util.List;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Transpose;

/**
 * Op nodes {@code keras.ops.swapaxes(x, axis1, axis2)} and {@code moveaxis(x, source, destination)} (ints or lists, as
 * NumPy), both a {@link Transpose} over the whole tensor, the batch axis included.
 */
public final class AxisMoveOpMapper {
    private AxisMoveOpMapper() {
    }

    public static Layer swapaxes(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        int rank = ctx.inputShape().rank() + 1;
        Config cfg = ctx.config();
        int a = axis(ctx, cfg.getInt("axis1"), rank), b = axis(ctx, cfg.getInt("axis2"), rank);
        int[] perm = new int[rank];
        for (int i = 0; i < rank; i++) perm[i] = i;
        perm[a] = b;
        perm[b] = a;
        return new Transpose(ctx.name(), perm);
    }

    public static Layer moveaxis(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        int rank = ctx.inputShape().rank() + 1;
        int[] src = ints(ctx, "source"), dst = ints(ctx, "destination");
        if (src.length != dst.length) throw ctx.config().error("destination", "has " + dst.length + " axes, source " + src.length);
        for (int i = 0; i < src.length; i++) {
            src[i] = axis(ctx, src[i], rank);
            dst[i] = axis(ctx, dst[i], rank);
        }
        // NumPy: the axes not moved keep their order; each moved one is placed at its destination, destinations ascending
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            boolean moved = false;
            for (int s : src) moved |= s == i;
            if (!moved) order.add(i);
        }
        Integer[] idx = new Integer[src.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        java.util.Arrays.sort(idx, (x, y) -> Integer.compare(dst[x], dst[y]));
        for (int i : idx) order.add(dst[i], src[i]);
        return new Transpose(ctx.name(), order.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int[] ints(MapContext ctx, String key) {
        var e = ctx.config().raw(key);
        if (e != null && e.isJsonPrimitive()) return new int[] {ctx.config().getInt(key)};
        return ctx.config().getIntArray(key);
    }

    private static int axis(MapContext ctx, int axis, int rank) {
        if (axis < -rank || axis >= rank) throw ctx.error("axis " + axis + " is out of range for rank " + rank);
        return axis < 0 ? axis + rank : axis;
    }
}
