package org.jkeras.importer.ops;

import org.jkeras.importer.Config;
import org.jkeras.importer.LayerMapper;
import org.jkeras.runtime.ops.OneHot;

/** Keras 3 op node {@code OneHot}: {@code num_classes}, {@code axis} (default -1), {@code dtype} (values 0/1 in any), {@code sparse} false. */
public final class OneHotMapper implements LayerMapper {
    @Override
    public org.jkeras.runtime.Layer map(org.jkeras.importer.MapContext ctx) {
        OpConfig.expectTensor(ctx, new OpArgs(ctx), 0, "x");
        Config cfg = ctx.config();
        if (cfg.getBool(false, "sparse")) throw cfg.error("sparse", "sparse one_hot is not supported");
        String dtype = cfg.getStringOr("float32", "dtype");
        if (OpConfig.kind(dtype) == null) throw cfg.error("dtype", "dtype '" + dtype + "' is not supported");
        return new OneHot(ctx.name(), cfg.getInt("num_classes"), cfg.getInt(-1, "axis"));
    }
}
