package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.SimpleRNN;
import org.jkeras.runtime.layers.SimpleRNNCell;

/** Keras {@code SimpleRNN}: {@code units} ({@code output_dim}), {@code activation}, {@code use_bias}; weights kernel (in, u), recurrent_kernel (u, u), bias (u) (Keras 1: W, U, b). */
public final class SimpleRNNMapper {
    private SimpleRNNMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        int units = RecurrentConfig.units(cfg);
        int in = RecurrentConfig.inputSize(ctx, 1);
        boolean useBias = cfg.getBool(true, "use_bias");
        ctx.expectWeightCount(useBias ? 3 : 2);
        float[] kernel = ctx.weight(0, "kernel", in, units);
        float[] recurrent = ctx.weight(1, "recurrent_kernel", units, units);
        float[] bias = useBias ? ctx.weight(2, "bias", units) : null;
        return new SimpleRNN(ctx.name(), new SimpleRNNCell(in, units, kernel, recurrent, bias, RecurrentConfig.activation(ctx)), RecurrentConfig.options(ctx));
    }
}
