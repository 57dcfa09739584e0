package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Take;

/** Op node {@code keras.ops.take(x, indices, axis)}: x and indices each a tensor or a constant (a table read by ids), axis an int or None. */
public final class TakeOpMapper {
    private TakeOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands o = Operands.positional(ctx, "x", "indices");
        return new Take(ctx.name(), ctx.config().has("axis") ? ctx.config().getInt("axis") : null, o.inputOf, o.constants);
    }
}
