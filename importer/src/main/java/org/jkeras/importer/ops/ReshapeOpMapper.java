package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Reshape;

/** Op node {@code keras.ops.reshape(x, newshape)}: one input tensor, the other arguments in the config. */
public final class ReshapeOpMapper {
    private ReshapeOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        return new Reshape(ctx.name(), ctx.config().getIntArray("newshape"));
    }
}
