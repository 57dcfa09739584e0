package org.jkeras.importer.ops;

import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.LayerMapper;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.ops.TernaryOp;

/** Keras 3 op nodes {@code Where} (condition, x1, x2: each a tensor or a constant) and {@code Clip} (x; x_min, x_max in the config). */
public final class TernaryOpMapper {
    private TernaryOpMapper() {
    }

    public static LayerMapper where() {
        return ctx -> {
            OpArgs args = new OpArgs(ctx);
            if (missing(args.get(1, "x1")) || missing(args.get(2, "x2"))) {
                throw ctx.error("where(condition) with one argument (the indices of the non-zero values, a data-dependent shape) is not supported;"
                        + " only where(condition, x1, x2)");
            }
            Tensor c = args.constant(0, "condition"), a = args.constant(1, "x1"), b = args.constant(2, "x2");
            if (c != null && a != null && b != null) throw ctx.error("every argument is a constant; nothing reads an input");
            return new TernaryOp(ctx.name(), ctx.className(), TernaryOp.Fn.WHERE, c, a, b);
        };
    }

    private static boolean missing(JsonElement e) {
        return e == null || e.isJsonNull();
    }

    public static LayerMapper clip() {
        return ctx -> {
            OpArgs args = new OpArgs(ctx);
            OpConfig.expectTensor(ctx, args, 0, "x");
            Config cfg = ctx.config();
            return new TernaryOp(ctx.name(), ctx.className(), TernaryOp.Fn.CLIP, null, bound(args, cfg, 1, "x_min"), bound(args, cfg, 2, "x_max"));
        };
    }

    /** A bound from the config (as ops.clip saves it) or, failing that, the call's arguments. */
    private static Tensor bound(OpArgs args, Config cfg, int index, String key) {
        JsonElement e = cfg.raw(key);
        if (e != null) return args.constant(e, "config key '" + key + "'");
        if (args.get(index, key) == null) throw cfg.error(key, "missing (None bounds are not supported)");
        Tensor t = args.constant(index, key);
        if (t == null) throw cfg.error(key, "a tensor bound is not supported");
        return t;
    }
}
