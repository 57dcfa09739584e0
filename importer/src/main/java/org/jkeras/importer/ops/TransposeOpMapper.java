package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Transpose;

/** Op node {@code keras.ops.transpose(x, axes)}: one input tensor, the other arguments in the config. */
public final class TransposeOpMapper {
    private TransposeOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands.positional(ctx, "x").requireInput(ctx);
        return new Transpose(ctx.name(), Operands.axes(ctx.config(), "axes"));
    }
}
