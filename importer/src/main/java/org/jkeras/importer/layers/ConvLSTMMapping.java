package org.jkeras.importer.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.kernels.Window;
import org.jkeras.runtime.layers.ConvLSTM1D;
import org.jkeras.runtime.layers.ConvLSTM2D;
import org.jkeras.runtime.layers.ConvLSTM3D;
import org.jkeras.runtime.layers.ConvLSTMCell;
import org.jkeras.runtime.layers.RNN;

/**
 * The mapping shared by {@code ConvLSTM1DMapper}, {@code ConvLSTM2DMapper}, {@code ConvLSTM3DMapper}: {@code filters},
 * {@code kernel_size}, {@code strides}, {@code padding} (valid, same), {@code dilation_rate}, {@code data_format},
 * {@code activation}, {@code recurrent_activation} (Keras 2 default hard_sigmoid), {@code use_bias} and the loop
 * flags. Weights kernel (k..., cin, 4·filters), recurrent_kernel (k..., filters, 4·filters), bias (4·filters),
 * gates i, f, c, o ({@code .keras}: {@code cell/vars/0..2}). The spatial input dims must be known, as Keras requires.
 */
final class ConvLSTMMapping {
    private ConvLSTMMapping() {
    }

    static Layer map(MapContext ctx, int rank) {
        Config cfg = ctx.config();
        if (cfg.has("nb_filter")) throw ctx.error("Keras 1 ConvLSTM2D (per-gate weights) is not supported");
        if (SpatialConfig.theano(ctx)) throw ctx.error("ConvLSTM layers trained on theano are not supported");
        boolean cf = SpatialConfig.channelsFirst(ctx);
        Window w = SpatialConfig.convWindow(ctx, rank, cf, "valid", "same");
        int filters = SpatialConfig.filters(ctx);
        List<Shape> in = ctx.inputShapes();
        if (in.size() != 1 && in.size() != 3) throw ctx.error("takes a sequence and optionally 2 initial states, called with " + in.size() + " input(s)");
        Shape seq = in.get(0);
        if (seq.rank() != rank + 2) throw ctx.error("expects input (batch, steps, " + rank + " spatial axes and channels), got " + seq.prepend(Shape.UNKNOWN));
        Shape image = seq.dropFirst();
        int cin = Grid.channels(image, cf);
        int[] in3 = Grid.spatial(image, rank, cf);
        if (!image.isFullyKnown()) throw ctx.error("the spatial and channel axes of input " + seq.prepend(Shape.UNKNOWN) + " must be known");
        boolean useBias = cfg.getBool(true, "use_bias");
        ctx.expectWeightCount(useBias ? 3 : 2);
        int[] k = w.size();
        float[] kernel = ctx.weight(0, "kernel", concat(k, cin, 4 * filters));
        float[] recurrent = ctx.weight(1, "recurrent_kernel", concat(k, filters, 4 * filters));
        float[] bias = useBias ? ctx.weight(2, "bias", 4 * filters) : null;
        Activation act = RecurrentConfig.activation(ctx), ract = RecurrentConfig.recurrentActivation(ctx);
        if (cf && (!act.isElementwise() || !ract.isElementwise())) {
            throw ctx.error("channels_first with a row-wise activation (" + act.name() + ", " + ract.name() + ") is not supported");
        }
        RNN.Options options = RecurrentConfig.options(ctx);
        ConvLSTMCell cell = new ConvLSTMCell(w, in3, cin, filters, kernel, recurrent, bias, act, ract);
        return switch (rank) {
            case 1 -> new ConvLSTM1D(ctx.name(), w, in3, cin, cell, options);
            case 2 -> new ConvLSTM2D(ctx.name(), w, in3, cin, cell, options);
            default -> new ConvLSTM3D(ctx.name(), w, in3, cin, cell, options);
        };
    }

    private static int[] concat(int[] k, int... tail) {
        int[] s = Arrays.copyOf(k, k.length + tail.length);
        System.arraycopy(tail, 0, s, k.length, tail.length);
        return s;
    }
}
