package org.jkeras.importer.layers;

import java.util.Arrays;

import org.jkeras.activations.Activation;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Window;
import org.jkeras.runtime.layers.Conv1D;
import org.jkeras.runtime.layers.Conv1DTranspose;
import org.jkeras.runtime.layers.Conv2D;
import org.jkeras.runtime.layers.Conv2DTranspose;
import org.jkeras.runtime.layers.Conv3D;
import org.jkeras.runtime.layers.Conv3DTranspose;
import org.jkeras.runtime.layers.DepthwiseConv1D;
import org.jkeras.runtime.layers.DepthwiseConv2D;
import org.jkeras.runtime.layers.SeparableConv1D;
import org.jkeras.runtime.layers.SeparableConv2D;

import static org.jkeras.importer.layers.SpatialConfig.channelsFirst;
import static org.jkeras.importer.layers.SpatialConfig.convWindow;
import static org.jkeras.importer.layers.SpatialConfig.filters;
import static org.jkeras.importer.layers.SpatialConfig.flipSpatial;
import static org.jkeras.importer.layers.SpatialConfig.inputChannels;
import static org.jkeras.importer.layers.SpatialConfig.theano;
import static org.jkeras.importer.layers.SpatialConfig.useBias;

/** The mapping shared by the convolution mappers ({@code Conv1DMapper}, {@code Conv2DTransposeMapper}, ...), one method per family. */
final class ConvMapping {
    private ConvMapping() {
    }

    /**
     * Conv1D/2D/3D (Keras 1 Convolution1D/2D/3D, AtrousConvolution1D/2D): weights kernel
     * {@code (k..., cin/groups, filters)}, bias {@code (filters)}. Keras 1 stored 'th' kernels as
     * {@code (filters, cin, k...)} and 1-D ones as {@code (k, 1, cin, filters)} (1.1: {@code (filters, cin, k, 1)});
     * they are brought to the Keras 2 layout as Keras 2's loader does.
     */
    static Layer conv(MapContext ctx, int rank) {
        boolean cf = channelsFirst(ctx);
        boolean keras1 = ctx.config().has("nb_filter");
        String[] paddings = rank == 1 ? new String[] {"valid", "same", "causal"} : keras1 ? new String[] {"valid", "same", "full"} : new String[] {"valid", "same"};
        Window w = convWindow(ctx, rank, cf, paddings);
        int filters = filters(ctx), groups = ctx.config().getInt(1, "groups"), cin = inputChannels(ctx, rank, cf);
        if (groups < 1 || cin % groups != 0 || filters % groups != 0) {
            throw ctx.config().error("groups", groups + " must divide the input channels " + cin + " and filters " + filters);
        }
        boolean bias = useBias(ctx);
        ctx.expectWeightCount(bias ? 2 : 1);
        int[] k = w.size();
        float[] kernel = keras1 ? keras1Kernel(ctx, rank, k, cin, filters, cf) : ctx.weight(0, "kernel", concat(k, cin / groups, filters));
        if (theano(ctx)) kernel = flipSpatial(kernel, k, cin / groups * filters);
        float[] b = bias ? ctx.weight(1, "bias", filters) : null;
        Activation act = ctx.activation("linear", "activation");
        return switch (rank) {
            case 1 -> new Conv1D(ctx.name(), w, kernel, b, cin, filters, groups, act);
            case 2 -> new Conv2D(ctx.name(), w, kernel, b, cin, filters, groups, act);
            default -> new Conv3D(ctx.name(), w, kernel, b, cin, filters, groups, act);
        };
    }

    private static float[] keras1Kernel(MapContext ctx, int rank, int[] k, int cin, int filters, boolean cf) {
        int[] stored = ctx.weightShape(0);
        if (rank == 1) {
            int[] current = {k[0], 1, cin, filters}, legacy = {filters, cin, k[0], 1};
            if (Arrays.equals(stored, legacy) && !Arrays.equals(stored, current)) {
                return SpatialConfig.transpose(ctx.weight(0, "W", legacy), legacy, new int[] {2, 3, 1, 0});
            }
            return ctx.weight(0, "W", current); // (k, 1, cin, filters) holds (k, cin, filters) in order
        }
        if (!cf) return ctx.weight(0, "W", concat(k, cin, filters));
        int[] th = new int[rank + 2];
        th[0] = filters;
        th[1] = cin;
        System.arraycopy(k, 0, th, 2, rank);
        int[] perm = rank == 2 ? new int[] {2, 3, 1, 0} : new int[] {2, 3, 4, 1, 0};
        return SpatialConfig.transpose(ctx.weight(0, "W", th), th, perm);
    }

    /** Conv1D/2D/3DTranspose: kernel {@code (k..., filters, cin)}, bias, {@code output_padding} (None or per axis). */
    static Layer transpose(MapContext ctx, int rank) {
        boolean cf = channelsFirst(ctx);
        Window w = convWindow(ctx, rank, cf, "valid", "same");
        if (theano(ctx) && w.padding() != Padding.VALID) {
            throw ctx.config().error("padding", "a transposed convolution with padding 'same' trained on theano is not supported");
        }
        int filters = filters(ctx), cin = inputChannels(ctx, rank, cf);
        int[] outputPadding = null;
        if (ctx.config().has("output_padding")) {
            outputPadding = ctx.config().getIntArray("output_padding");
            if (outputPadding.length == 1 && rank > 1) {
                int v = outputPadding[0];
                outputPadding = new int[rank];
                Arrays.fill(outputPadding, v);
            }
            if (outputPadding.length != rank) throw ctx.config().error("output_padding", "expected " + rank + " value(s), got " + Arrays.toString(outputPadding));
        }
        boolean bias = useBias(ctx);
        ctx.expectWeightCount(bias ? 2 : 1);
        int[] k = w.size();
        float[] kernel = ctx.weight(0, "kernel", concat(k, filters, cin));
        if (theano(ctx)) kernel = flipSpatial(kernel, k, filters * cin);
        float[] b = bias ? ctx.weight(1, "bias", filters) : null;
        Activation act = ctx.activation("linear", "activation");
        return switch (rank) {
            case 1 -> new Conv1DTranspose(ctx.name(), w, outputPadding, kernel, b, cin, filters, act);
            case 2 -> new Conv2DTranspose(ctx.name(), w, outputPadding, kernel, b, cin, filters, act);
            default -> new Conv3DTranspose(ctx.name(), w, outputPadding, kernel, b, cin, filters, act);
        };
    }

    /** DepthwiseConv1D/2D: depthwise_kernel {@code (k..., cin, depth_multiplier)}, bias {@code (cin·depth_multiplier)}. */
    static Layer depthwise(MapContext ctx, int rank) {
        noTheano(ctx);
        boolean cf = channelsFirst(ctx);
        Window w = convWindow(ctx, rank, cf, "valid", "same");
        int mult = depthMultiplier(ctx), cin = inputChannels(ctx, rank, cf);
        boolean bias = useBias(ctx);
        ctx.expectWeightCount(bias ? 2 : 1);
        float[] kernel = ctx.weight(0, "depthwise_kernel", concat(w.size(), cin, mult));
        float[] b = bias ? ctx.weight(1, "bias", cin * mult) : null;
        Activation act = ctx.activation("linear", "activation");
        return rank == 1 ? new DepthwiseConv1D(ctx.name(), w, kernel, b, cin, mult, act) : new DepthwiseConv2D(ctx.name(), w, kernel, b, cin, mult, act);
    }

    /**
     * SeparableConv1D/2D (Keras 1 SeparableConvolution2D): depthwise_kernel {@code (k..., cin, depth_multiplier)},
     * pointwise_kernel {@code (1..., cin·depth_multiplier, filters)}, bias {@code (filters)}.
     */
    static Layer separable(MapContext ctx, int rank) {
        noTheano(ctx);
        boolean cf = channelsFirst(ctx);
        Window w = convWindow(ctx, rank, cf, "valid", "same");
        int mult = depthMultiplier(ctx), cin = inputChannels(ctx, rank, cf), filters = filters(ctx);
        boolean bias = useBias(ctx);
        ctx.expectWeightCount(bias ? 3 : 2);
        float[] depthwise = ctx.weight(0, "depthwise_kernel", concat(w.size(), cin, mult));
        int[] ones = SpatialConfig.ones(rank);
        float[] pointwise = ctx.weight(1, "pointwise_kernel", concat(ones, cin * mult, filters));
        float[] b = bias ? ctx.weight(2, "bias", filters) : null;
        Activation act = ctx.activation("linear", "activation");
        return rank == 1 ? new SeparableConv1D(ctx.name(), w, depthwise, pointwise, b, cin, mult, filters, act)
                : new SeparableConv2D(ctx.name(), w, depthwise, pointwise, b, cin, mult, filters, act);
    }

    private static int depthMultiplier(MapContext ctx) {
        int m = ctx.config().getInt(1, "depth_multiplier");
        if (m < 1) throw ctx.config().error("depth_multiplier", "must be positive, got " + m);
        return m;
    }

    private static void noTheano(MapContext ctx) {
        if (theano(ctx)) throw ctx.error("depthwise and separable convolutions trained on theano are not supported (no tensorflow-equivalent kernel conversion is known)");
    }

    private static int[] concat(int[] k, int... tail) {
        int[] s = Arrays.copyOf(k, k.length + tail.length);
        System.arraycopy(tail, 0, s, k.length, tail.length);
        return s;
    }
}
