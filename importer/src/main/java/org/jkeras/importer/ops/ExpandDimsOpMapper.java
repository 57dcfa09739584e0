package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.ExpandDims;

/** Op node {@code keras.ops.expand_dims(x, axis)}: one input tensor, the other arguments in the config. */
public final class ExpandDimsOpMapper {
    private ExpandDimsOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        return new ExpandDims(ctx.name(), ctx.config().getIntArray("axis"));
    }
}
