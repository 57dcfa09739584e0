package org.jkeras.importer.ops;

import org.jkeras.importer.Config;
import org.jkeras.importer.LayerMapper;
import org.jkeras.runtime.ops.UnaryOp;

/** Keras 3 elementwise unary op nodes ({@code Sqrt}, {@code Negative}, {@code Isnan} ...): one tensor argument {@code x}. */
public final class UnaryOpMapper {
    private UnaryOpMapper() {
    }

    public static LayerMapper of(UnaryOp.Fn fn) {
        return ctx -> {
            OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
            return new UnaryOp(ctx.name(), ctx.className(), fn);
        };
    }

    /** {@code Round}: {@code decimals} (default 0), half to even. */
    public static LayerMapper round() {
        return ctx -> {
            OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
            return new UnaryOp(ctx.name(), ctx.className(), UnaryOp.Fn.ROUND, ctx.config().getInt(0, "decimals"));
        };
    }

    /** {@code Cast}: {@code dtype}; to an integer dtype truncates toward zero (wrapping as TensorFlow does, see {@link UnaryOp.Fn#toInt}), to bool is {@code x != 0}, float32/64 keep x. */
    public static LayerMapper cast() {
        return ctx -> {
            OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
            Config cfg = ctx.config();
            String dtype = cfg.getString("dtype");
            String kind = OpConfig.kind(dtype);
            if (kind == null) throw cfg.error("dtype", "casting to '" + dtype + "' is not supported (values are float32; supported: bool, int8..int64, uint8..uint64, float32, float64)");
            UnaryOp.Fn fn = kind.equals("int") ? UnaryOp.Fn.TO_INT : kind.equals("bool") ? UnaryOp.Fn.TO_BOOL : UnaryOp.Fn.IDENTITY;
            int bits = kind.equals("int") ? Integer.parseInt(dtype.replaceAll("\\D", "")) * (dtype.startsWith("u") ? -1 : 1) : 0;
            return new UnaryOp(ctx.name(), ctx.className(), fn, bits);
        };
    }
}
