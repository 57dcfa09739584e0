package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Squeeze;

/** Op node {@code keras.ops.squeeze(x, axis)}: one input tensor, the other arguments in the config. */
public final class SqueezeOpMapper {
    private SqueezeOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        return new Squeeze(ctx.name(), Operands.axes(ctx.config(), "axis"));
    }
}
