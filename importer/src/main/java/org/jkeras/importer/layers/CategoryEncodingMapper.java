package org.jkeras.importer.layers;

import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.CategoryEncoding;

/** Keras {@code CategoryEncoding(num_tokens, output_mode="multi_hot")}; tf.keras 2.3/2.4 called num_tokens {@code max_tokens}. */
public final class CategoryEncodingMapper {
    private CategoryEncodingMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        int n = ctx.config().getInt("num_tokens", "max_tokens");
        if (n < 1) throw ctx.config().error("num_tokens", "must be at least 1, got " + n);
        return new CategoryEncoding(ctx.name(), n, PrepConfig.mode(ctx, "multi_hot", Mode.ONE_HOT, Mode.MULTI_HOT, Mode.COUNT));
    }
}
