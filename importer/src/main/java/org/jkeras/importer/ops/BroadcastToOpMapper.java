package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.BroadcastTo;

/** Op node {@code keras.ops.broadcast_to(x, shape)}: one input tensor, the other arguments in the config. */
public final class BroadcastToOpMapper {
    private BroadcastToOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        return new BroadcastTo(ctx.name(), ctx.config().getIntArray("shape"));
    }
}
