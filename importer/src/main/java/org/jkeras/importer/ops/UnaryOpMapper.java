package org.jkeras.importer.ops;

import org.jkeras.importer.Config;
import org.jkeras.importer.LayerMapper;
import org.jkeras.runtime.ops.NanToNum;
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

    /** {@code NanToNum}: {@code nan} (default 0), {@code posinf} and {@code neginf} (None: the float32 extremes). */
    public static LayerMapper nanToNum() {
        return ctx -> {
            OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
            Config cfg = ctx.config();
            return new NanToNum(ctx.name(), cfg.getFloat(0f, "nan"), cfg.getFloat(Float.MAX_VALUE, "posinf"), cfg.getFloat(-Float.MAX_VALUE, "neginf"));
        };
    }

    /** {@code SaturateCast}: {@code dtype}; an integer dtype (clip to its range as Keras does, then cast), bool or float32/64. */
    public static LayerMapper saturateCast() {
        return ctx -> {
            OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
            Config cfg = ctx.config();
            String dtype = cfg.getString("dtype");
            String kind = OpConfig.kind(dtype);
            if (kind == null) throw cfg.error("dtype", "saturate_cast to '" + dtype + "' is not supported");
            if (!kind.equals("int")) return new UnaryOp(ctx.name(), ctx.className(), kind.equals("bool") ? UnaryOp.Fn.TO_BOOL : UnaryOp.Fn.IDENTITY);
            return new UnaryOp(ctx.name(), ctx.className(), UnaryOp.Fn.SATURATE_INT, bits(dtype));
        };
    }

    /** {@code ConvertToTensor}: the identity, or a cast when it names a dtype. */
    public static LayerMapper convertToTensor() {
        return ctx -> {
            Config cfg = ctx.config();
            if (cfg.getBool(false, "sparse") || cfg.getBool(false, "ragged")) throw ctx.error("sparse and ragged tensors are not supported");
            if (cfg.has("dtype")) return cast().map(ctx);
            OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
            return new UnaryOp(ctx.name(), ctx.className(), UnaryOp.Fn.IDENTITY);
        };
    }

    private static int bits(String dtype) {
        return Integer.parseInt(dtype.replaceAll("\\D", "")) * (dtype.startsWith("u") ? -1 : 1);
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
            return new UnaryOp(ctx.name(), ctx.className(), fn, kind.equals("int") ? bits(dtype) : 0);
        };
    }
}
