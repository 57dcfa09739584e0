package org.jkeras.importer.layers;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.kernels.CategoryEncoder.Mode;
import org.jkeras.runtime.layers.Discretization;

/**
 * Keras {@code Discretization(bin_boundaries, output_mode)}; an adapted layer's boundaries are in its config too.
 * tf.keras 2.3–2.5 called them {@code bins}.
 */
public final class DiscretizationMapper {
    private DiscretizationMapper() {
    }

    public static Layer map(MapContext ctx) {
        ctx.inputShape();
        Config cfg = ctx.config();
        cfg.getInt(0, "num_bins");
        cfg.raw("epsilon");
        if (!(cfg.raw("bin_boundaries", "bins") instanceof JsonArray a)) {
            throw cfg.error("bin_boundaries", "no bin boundaries: the layer was saved before adapt() or without bin_boundaries");
        }
        float[] b = new float[a.size()];
        for (int i = 0; i < b.length; i++) {
            JsonElement e = a.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw cfg.error("bin_boundaries", "expected numbers, got " + e);
            b[i] = (float) e.getAsDouble(); // TensorFlow's Bucketize holds them as float32
        }
        return new Discretization(ctx.name(), b, PrepConfig.mode(ctx, "int", Mode.INT, Mode.ONE_HOT, Mode.MULTI_HOT, Mode.COUNT));
    }
}
