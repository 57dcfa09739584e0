package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Take;

/** Op node {@code keras.ops.take(x, indices, axis)}: indices a tensor or a constant, axis an int or None. */
public final class TakeOpMapper {
    private TakeOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands o = Operands.positional(ctx, "x", "indices");
        if (o.inputOf[0] < 0) throw ctx.error("argument 0 ('x') is a constant; gathering from a constant table is not supported");
        return new Take(ctx.name(), ctx.config().has("axis") ? ctx.config().getInt("axis") : null, o.inputOf, o.constants);
    }
}
