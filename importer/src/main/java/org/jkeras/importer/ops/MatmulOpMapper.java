package org.jkeras.importer.ops;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.ops.Matmul;

/** Op node {@code keras.ops.matmul(x1, x2)} (x1 @ x2): each operand a tensor or a constant. */
public final class MatmulOpMapper {
    private MatmulOpMapper() {
    }

    public static Layer map(MapContext ctx) {
        Operands o = Operands.positional(ctx, "x1", "x2");
        return new Matmul(ctx.name(), o.inputOf, o.constants);
    }
}
