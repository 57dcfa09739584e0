package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Dot;

/** Op node {@code keras.ops.dot(x1, x2)} (NumPy dot): each operand a tensor or a constant. */
public final class DotOpMapper {
    private DotOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands o = Operands.positional(ctx, "x1", "x2");
        return new Dot(ctx.name(), o.inputOf, o.constants);
    }
}
