package org.jkeras.importer.layers;

import java.util.List;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.layers.Dense;

/** Keras {@code Dense}: {@code units} (Keras 1 {@code output_dim}), {@code use_bias} ({@code bias}), weights kernel (in, units), bias (units). */
public final class DenseMapper {
    private DenseMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        int units = cfg.getInt("units", "output_dim");
        if (units <= 0) throw cfg.error("units", "must be positive, got " + units);
        boolean useBias = cfg.getBool(true, "use_bias", "bias");
        Shape in = ctx.inputShape();
        int inputs = in.rank() == 0 ? Shape.UNKNOWN : in.dim(-1);
        if (inputs == Shape.UNKNOWN) throw ctx.error("the last axis of the input " + in + " must be known");
        ctx.expectWeightCount(useBias ? 2 : 1);
        float[] kernel = ctx.weight(0, "kernel", inputs, units);
        float[] bias = useBias ? ctx.weight(1, "bias", units) : null;
        return new Dense(ctx.name(), DenseKernel.pack(kernel, bias, inputs, units, ctx.activation("linear", "activation")), useBias, List.of());
    }
}
