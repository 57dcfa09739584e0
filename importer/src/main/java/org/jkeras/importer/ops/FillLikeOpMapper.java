package org.jkeras.importer.ops;

import org.jkeras.importer.LayerMapper;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.ops.FillLike;

/**
 * Op nodes {@code ZerosLike}, {@code OnesLike} ({@code value} fixed) and {@code FullLike} (its {@code fill_value}
 * argument, a constant); a {@code dtype} of integers truncates the value toward zero, bool makes it 0 or 1.
 */
public final class FillLikeOpMapper {
    private FillLikeOpMapper() {
    }

    public static LayerMapper of(Float value) {
        return ctx -> {
            Operands.positional(ctx, "x").requireInput(ctx);
            float v;
            if (value != null) {
                v = value;
            } else {
                Tensor c = new OpArgs(ctx).constant(1, "fill_value");
                if (c == null || c.size() != 1) throw ctx.error("fill_value must be a scalar constant; a tensor or an array is not supported");
                v = c.data()[0];
            }
            String dtype = ctx.config().getStringOr(null, "dtype");
            if (dtype != null && (dtype.startsWith("int") || dtype.startsWith("uint"))) v = (float) (v < 0 ? Math.ceil(v) : Math.floor(v));
            else if ("bool".equals(dtype)) v = v != 0 ? 1f : 0f;
            return new FillLike(ctx.name(), ctx.className(), v);
        };
    }
}
