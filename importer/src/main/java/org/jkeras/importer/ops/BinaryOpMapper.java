package org.jkeras.importer.ops;

import org.jkeras.importer.LayerMapper;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.ops.BinaryOp;

/** Keras 3 binary op nodes ({@code Add}, {@code TrueDivide}, {@code Greater} ...): arguments {@code x1, x2}, each a tensor or a constant. */
public final class BinaryOpMapper {
    private BinaryOpMapper() {
    }

    public static LayerMapper of(BinaryOp.Fn fn) {
        return ctx -> {
            OpArgs args = new OpArgs(ctx);
            Tensor a = args.constant(0, "x1"), b = args.constant(1, "x2");
            if (a != null && b != null) throw ctx.error("both arguments are constants; nothing reads an input");
            return new BinaryOp(ctx.name(), ctx.className(), fn, a, b);
        };
    }
}
