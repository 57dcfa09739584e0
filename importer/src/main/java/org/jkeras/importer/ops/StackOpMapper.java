package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Stack;

/** Op node {@code keras.ops.stack([x1, x2, ...], axis)}: tensors and constants in a list argument. */
public final class StackOpMapper {
    private StackOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands o = Operands.list(ctx, "x");
        return new Stack(ctx.name(), ctx.config().getInt(0, "axis"), o.inputOf, o.constants);
    }
}
