package org.jkeras.importer.layers;

import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.LSTM;
import org.jkeras.runtime.layers.LSTMCell;

/**
 * Keras {@code LSTM}: {@code units} ({@code output_dim}), {@code activation}, {@code recurrent_activation}
 * ({@code inner_activation}), {@code use_bias}, the loop flags. Weights kernel (in, 4u), recurrent_kernel (u, 4u),
 * bias (4u), gates i, f, c, o ({@code .keras}: {@code cell/vars/0..2}); Keras 1 per-gate {@code W_i, U_i, b_i, W_c, ...}.
 */
public final class LSTMMapper {
    private LSTMMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        int units = RecurrentConfig.units(cfg);
        int in = RecurrentConfig.inputSize(ctx, 2);
        boolean useBias = cfg.getBool(true, "use_bias");
        float[] kernel, recurrent, bias;
        if (useBias && RecurrentConfig.perGate(ctx, 4)) {
            float[][] f = RecurrentConfig.fuseGates(ctx, "ifco", in, units);
            kernel = f[0];
            recurrent = f[1];
            bias = f[2];
        } else {
            ctx.expectWeightCount(useBias ? 3 : 2);
            kernel = ctx.weight(0, "kernel", in, 4 * units);
            recurrent = ctx.weight(1, "recurrent_kernel", units, 4 * units);
            bias = useBias ? ctx.weight(2, "bias", 4 * units) : null;
        }
        LSTMCell cell = new LSTMCell(in, units, kernel, recurrent, bias, RecurrentConfig.activation(ctx), RecurrentConfig.recurrentActivation(ctx));
        return new LSTM(ctx.name(), cell, RecurrentConfig.options(ctx));
    }
}
