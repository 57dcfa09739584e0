package org.jkeras.importer.layers;

import org.jkeras.activations.Activations;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.CuDNNLSTM;
import org.jkeras.runtime.layers.LSTMCell;

/**
 * Keras 2 {@code CuDNNLSTM}, computed on the CPU as an LSTM with cuDNN's fixed activations (tanh, recurrent
 * sigmoid): {@code units} and the loop flags. Weights kernel (in, 4u), recurrent_kernel (u, 4u) in cuDNN's layout
 * (see {@link CuDNNWeights}), bias (8u): input biases then recurrent biases, which add up to the LSTM's bias.
 */
public final class CuDNNLSTMMapper {
    private CuDNNLSTMMapper() {
    }

    public static Layer map(MapContext ctx) {
        int units = RecurrentConfig.units(ctx.config());
        int in = RecurrentConfig.inputSize(ctx, 2);
        ctx.expectWeightCount(3);
        float[] kernel = CuDNNWeights.inputKernel(ctx.weight(0, "kernel", in, 4 * units), in, units, 4);
        float[] recurrent = CuDNNWeights.recurrentKernel(ctx.weight(1, "recurrent_kernel", units, 4 * units), units, 4);
        float[] b = ctx.weight(2, "bias (input, then recurrent)", 8 * units), bias = new float[4 * units];
        for (int j = 0; j < bias.length; j++) bias[j] = b[j] + b[4 * units + j];
        LSTMCell cell = new LSTMCell(in, units, kernel, recurrent, bias, Activations.byName("tanh", ctx.semantics()),
                Activations.byName("sigmoid", ctx.semantics()));
        return new CuDNNLSTM(ctx.name(), cell, RecurrentConfig.options(ctx));
    }
}
