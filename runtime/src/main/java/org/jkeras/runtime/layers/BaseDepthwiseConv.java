package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.ConvKernel;
import org.jkeras.runtime.kernels.DepthwiseKernel;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Window;

/**
 * Keras {@code DepthwiseConv1D/2D}: each input channel convolved with its own {@code depth_multiplier} filters,
 * kernel {@code (k..., cin, depth_multiplier)}, output channel {@code ci·depth_multiplier + j}, then bias and
 * activation ({@link DepthwiseKernel}). Channels-first inputs are moved channels last and back.
 */
public abstract class BaseDepthwiseConv extends Layer implements ChannelFolding {
    protected final Window window;
    private final DepthwiseKernel kernel; // kernel (k..., cin, mult), bias (cin·mult); activation fused when channels last
    private final Activation post;        // activation after the layout change (channels first), or null
    private final long params;
    private final List<String> fusedFrom; // layers folded into this one (ZeroPadding, BatchNormalization, activation)
    private final int[] padBefore, padAfter; // (3) zeros a folded ZeroPadding adds around the input (d, h, w), or null

    protected BaseDepthwiseConv(String name, Window window, float[] kernel, float[] bias, int cin, int mult, Activation act) {
        super(name);
        this.window = window;
        boolean fuse = !window.channelsFirst();
        this.kernel = new DepthwiseKernel(kernel, bias, window.size3(), window.strides3(), window.dilation3(), cin, mult, fuse ? act : null);
        this.post = fuse || act == null || act.isIdentity() ? null : act;
        this.params = (long) kernel.length + (bias == null ? 0 : bias.length);
        this.fusedFrom = List.of();
        this.padBefore = this.padAfter = null;
    }

    /**
     * {@code src} with another kernel or padding and {@code layer} folded in: after the layers already folded, or,
     * for a padding read before it, first and followed by this layer's own name, so that {@link #fusedFrom()} ends
     * with the layer whose output the node gives.
     */
    private BaseDepthwiseConv(BaseDepthwiseConv src, DepthwiseKernel kernel, int[] padBefore, int[] padAfter, String layer, boolean layerFirst) {
        super(src.name());
        this.window = src.window;
        this.kernel = kernel;
        this.post = null;
        this.params = src.params;
        List<String> names = new java.util.ArrayList<>(src.fusedFrom);
        if (layerFirst) {
            names.add(0, layer);
            if (names.size() == 1) names.add(src.name());
        } else {
            names.add(layer);
        }
        this.fusedFrom = List.copyOf(names);
        this.padBefore = padBefore;
        this.padAfter = padAfter;
    }

    /**
     * Whether ZeroPadding {@code pad} just before this layer can be read as padding of its window: both channels last,
     * this window {@code valid} with nothing folded yet, the padding non-negative (not a crop).
     */
    public boolean canPad(BaseZeroPadding pad) {
        if (window.channelsFirst() || pad.channelsFirst() || pad.rank() != window.rank() || window.padding() != Padding.VALID || padBefore != null
                || !fusedFrom.isEmpty()) {
            return false;
        }
        for (int a = 0; a < 3; a++) if (pad.before()[a] < 0 || pad.after()[a] < 0) return false;
        return true;
    }

    /** ZeroPadding {@code pad} then this layer (which {@link #canPad}), without the padded copy of the input. */
    public BaseDepthwiseConv padded(BaseZeroPadding pad) {
        if (!canPad(pad)) throw new IllegalStateException("'" + name() + "' cannot fold " + pad.name());
        return new Fused(this, kernel, pad.before(), pad.after(), pad.name(), true);
    }

    /** Spatial dims (three) of the input as the window sees it: with a folded padding added. */
    private int[] windowed(int[] in3) {
        if (padBefore == null) return in3;
        int[] d = new int[3];
        for (int a = 0; a < 3; a++) d[a] = in3[a] == Shape.UNKNOWN ? Shape.UNKNOWN : in3[a] + padBefore[a] + padAfter[a];
        return d;
    }

    /** The window's geometry on input dims {@code in3}, a folded padding counted as cells before. */
    private ConvKernel.Geometry geometry(int[] in3) {
        if (padBefore == null) return window.geometry(in3);
        ConvKernel.Geometry g = window.geometry(windowed(in3)); // valid: no padding of its own
        return new ConvKernel.Geometry(in3, g.out(), padBefore.clone());
    }

    /** The channel axis of an output sample (batch axis excluded): the last, after the spatial axes. */
    public int channelAxis() {
        return window.rank();
    }

    /** Whether a per-channel affine map or an activation after this layer can run inside its kernel: channels last, no activation yet. */
    public boolean canFold() {
        return !window.channelsFirst() && post == null && kernel.activation() == null;
    }


    /** This layer followed by {@code y·scale + shift} per channel (BatchNormalization {@code layer}), which {@link #canFold}. */
    public BaseDepthwiseConv folded(float[] scale, float[] shift, String layer) {
        if (!canFold()) throw new IllegalStateException("'" + name() + "' cannot fold " + layer);
        return new Fused(this, kernel.scaledChannels(scale, shift), padBefore, padAfter, layer, false);
    }

    /** Whether activation {@code act} can run on this layer's output rows in its kernel: {@link #canFold} and elementwise. */
    public boolean canFuse(Activation act) {
        return canFold() && act.isElementwise();
    }

    /** This layer with activation layer {@code layer}'s {@code act} applied to each output row (which {@link #canFuse}). */
    public BaseDepthwiseConv withActivation(Activation act, String layer) {
        if (!canFuse(act)) throw new IllegalStateException("'" + name() + "' cannot fuse " + layer);
        return new Fused(this, kernel.withActivation(act), padBefore, padAfter, layer, false);
    }

    /** A depthwise convolution with layers folded into its kernel; it keeps the original's Keras class. */
    private static final class Fused extends BaseDepthwiseConv {
        private final String kerasClass;

        Fused(BaseDepthwiseConv src, DepthwiseKernel kernel, int[] padBefore, int[] padAfter, String layer, boolean layerFirst) {
            super(src, kernel, padBefore, padAfter, layer, layerFirst);
            this.kerasClass = src.kerasClass();
        }

        @Override
        public String kerasClass() {
            return kerasClass;
        }
    }

    @Override
    public List<String> fusedFrom() {
        return fusedFrom;
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (Grid.channels(in, window.channelsFirst()) != kernel.inputChannels()) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' expects " + kernel.inputChannels() + " input channels, got input shape " + in);
        }
        Shape out = padBefore == null ? window.outputShape(in, kernel.outputWidth())
                : window.outputShape(Grid.shape(windowed(Grid.spatial(in, window.rank(), false)), kernel.inputChannels(), window.rank(), false),
                        kernel.outputWidth());
        return post == null || out.dim(-1) == Shape.UNKNOWN ? out : out.withLast(post.outputWidth(out.dim(-1)));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int batch = x.batch(), rank = window.rank(), cin = kernel.inputChannels(), c = kernel.outputWidth();
        boolean cf = window.channelsFirst();
        ConvKernel.Geometry g = geometry(Grid.spatial(x.shape().dropFirst(), rank, cf));
        float[] in = cf ? Grid.toChannelsLast(x.data(), batch, cin, g.inVolume()) : x.data();
        float[] y = kernel.forward(in, batch, g);
        if (cf) y = Grid.toChannelsFirst(y, batch, c, g.outVolume());
        Tensor out = new Tensor(Grid.shape(g.out(), c, rank, cf).prepend(batch), y);
        return post == null ? out : BaseConv.activate(out, post);
    }

    @Override
    public long paramCount() {
        return params;
    }

    @Override
    public String details() {
        Activation a = post != null ? post : kernel.activation();
        return window.describe() + " x" + kernel.depthMultiplier() + (a == null || a.isIdentity() ? "" : ", " + a.name());
    }
}
