package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Flip;

/** Op node {@code keras.ops.flip(x, axis)}: one input tensor, the other arguments in the config. */
public final class FlipOpMapper {
    private FlipOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        return new Flip(ctx.name(), Operands.axes(ctx.config(), "axis"));
    }
}
