package org.jkeras.importer.layers;

import org.jkeras.activations.Semantics;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.GRU;
import org.jkeras.runtime.layers.GRUCell;

/**
 * Keras {@code GRU}: as {@link LSTMMapper} with gates z, r, h (3u) and {@code reset_after} (absent: False in Keras
 * 1/2, whose files predate it or always write it; True in Keras 3). Bias (3u), or with reset_after (2, 3u): input
 * bias, then recurrent bias. Keras 1 per-gate {@code W_z, U_z, b_z, ...} (reset before).
 */
public final class GRUMapper {
    private GRUMapper() {
    }

    public static Layer map(MapContext ctx) {
        Config cfg = ctx.config();
        int units = RecurrentConfig.units(cfg);
        int in = RecurrentConfig.inputSize(ctx, 1);
        boolean useBias = cfg.getBool(true, "use_bias");
        boolean resetAfter = cfg.getBool(ctx.semantics() == Semantics.KERAS_3, "reset_after");
        float[] kernel, recurrent, inputBias = null, recurrentBias = null;
        if (useBias && !resetAfter && RecurrentConfig.perGate(ctx, 3)) {
            float[][] f = RecurrentConfig.fuseGates(ctx, "zrh", in, units);
            kernel = f[0];
            recurrent = f[1];
            inputBias = f[2];
        } else {
            ctx.expectWeightCount(useBias ? 3 : 2);
            kernel = ctx.weight(0, "kernel", in, 3 * units);
            recurrent = ctx.weight(1, "recurrent_kernel", units, 3 * units);
            if (useBias && resetAfter) {
                float[] b = ctx.weight(2, "bias (reset_after: input and recurrent)", 2, 3 * units);
                inputBias = java.util.Arrays.copyOfRange(b, 0, 3 * units);
                recurrentBias = java.util.Arrays.copyOfRange(b, 3 * units, 6 * units);
            } else if (useBias) {
                inputBias = ctx.weight(2, "bias", 3 * units);
            }
        }
        GRUCell cell = new GRUCell(in, units, kernel, recurrent, inputBias, recurrentBias, resetAfter, RecurrentConfig.activation(ctx),
                RecurrentConfig.recurrentActivation(ctx));
        return new GRU(ctx.name(), cell, RecurrentConfig.options(ctx));
    }
}
