package org.jkeras.importer.layers;

import java.util.Arrays;

import org.jkeras.activations.Activations;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.layers.CuDNNGRU;
import org.jkeras.runtime.layers.GRUCell;

/**
 * Keras 2 {@code CuDNNGRU}, computed on the CPU as a GRU with {@code reset_after=True} and cuDNN's fixed
 * activations (tanh, recurrent sigmoid): {@code units} and the loop flags. Weights kernel (in, 3u),
 * recurrent_kernel (u, 3u) in cuDNN's layout (see {@link CuDNNWeights}), bias (6u): the input bias, then the
 * recurrent bias (the rows of GRU's (2, 3u) bias).
 */
public final class CuDNNGRUMapper {
    private CuDNNGRUMapper() {
    }

    public static Layer map(MapContext ctx) {
        int units = RecurrentConfig.units(ctx.config());
        int in = RecurrentConfig.inputSize(ctx, 1);
        ctx.expectWeightCount(3);
        float[] kernel = CuDNNWeights.inputKernel(ctx.weight(0, "kernel", in, 3 * units), in, units, 3);
        float[] recurrent = CuDNNWeights.recurrentKernel(ctx.weight(1, "recurrent_kernel", units, 3 * units), units, 3);
        float[] b = ctx.weight(2, "bias (input, then recurrent)", 6 * units);
        GRUCell cell = new GRUCell(in, units, kernel, recurrent, Arrays.copyOfRange(b, 0, 3 * units), Arrays.copyOfRange(b, 3 * units, 6 * units), true,
                Activations.byName("tanh", ctx.semantics()), Activations.byName("sigmoid", ctx.semantics()));
        return new CuDNNGRU(ctx.name(), cell, RecurrentConfig.options(ctx));
    }
}
