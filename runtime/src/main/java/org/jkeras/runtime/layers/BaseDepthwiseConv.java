package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.ConvKernel;
import org.jkeras.runtime.kernels.DepthwiseKernel;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.kernels.Window;

/**
 * Keras {@code DepthwiseConv1D/2D}: each input channel convolved with its own {@code depth_multiplier} filters,
 * kernel {@code (k..., cin, depth_multiplier)}, output channel {@code ci·depth_multiplier + j}, then bias and
 * activation ({@link DepthwiseKernel}). Channels-first inputs are moved channels last and back.
 */
public abstract class BaseDepthwiseConv extends Layer {
    protected final Window window;
    private final DepthwiseKernel kernel; // kernel (k..., cin, mult), bias (cin·mult); activation fused when channels last
    private final Activation post;        // activation after the layout change (channels first), or null
    private final long params;

    protected BaseDepthwiseConv(String name, Window window, float[] kernel, float[] bias, int cin, int mult, Activation act) {
        super(name);
        this.window = window;
        boolean fuse = !window.channelsFirst();
        this.kernel = new DepthwiseKernel(kernel, bias, window.size3(), window.strides3(), window.dilation3(), cin, mult, fuse ? act : null);
        this.post = fuse || act == null || act.isIdentity() ? null : act;
        this.params = (long) kernel.length + (bias == null ? 0 : bias.length);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (Grid.channels(in, window.channelsFirst()) != kernel.inputChannels()) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' expects " + kernel.inputChannels() + " input channels, got input shape " + in);
        }
        Shape out = window.outputShape(in, kernel.outputWidth());
        return post == null || out.dim(-1) == Shape.UNKNOWN ? out : out.withLast(post.outputWidth(out.dim(-1)));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int batch = x.batch(), rank = window.rank(), cin = kernel.inputChannels(), c = kernel.outputWidth();
        boolean cf = window.channelsFirst();
        ConvKernel.Geometry g = window.geometry(Grid.spatial(x.shape().dropFirst(), rank, cf));
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
