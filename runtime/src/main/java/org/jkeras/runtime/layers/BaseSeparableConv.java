package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.ConvKernel;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.kernels.DepthwiseKernel;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.kernels.Window;

/**
 * Keras {@code SeparableConv1D/2D}: a depthwise convolution (kernel {@code (k..., cin, depth_multiplier)}, no bias)
 * then a pointwise 1×1 convolution (kernel {@code (1..., cin·depth_multiplier, filters)}) with bias and activation,
 * the pointwise step as the fused Dense GEMM over output positions.
 */
public abstract class BaseSeparableConv extends Layer {
    protected final Window window;
    private final DepthwiseKernel depthwise; // (k..., cin, mult), linear, no bias
    private final DenseKernel pointwise;     // (cin·mult, filters) + bias; activation fused when channels last
    private final Activation post;           // activation after the layout change (channels first), or null
    private final long params;

    protected BaseSeparableConv(String name, Window window, float[] depthwiseKernel, float[] pointwiseKernel, float[] bias, int cin, int mult,
                                int filters, Activation act) {
        super(name);
        this.window = window;
        boolean fuse = !window.channelsFirst();
        this.depthwise = new DepthwiseKernel(depthwiseKernel, null, window.size3(), window.strides3(), window.dilation3(), cin, mult, null);
        this.pointwise = DenseKernel.pack(pointwiseKernel, bias, cin * mult, filters, fuse ? act : null);
        this.post = fuse || act == null || act.isIdentity() ? null : act;
        this.params = (long) depthwiseKernel.length + pointwiseKernel.length + (bias == null ? 0 : bias.length);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        if (Grid.channels(in, window.channelsFirst()) != depthwise.inputChannels()) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' expects " + depthwise.inputChannels() + " input channels, got input shape " + in);
        }
        Shape out = window.outputShape(in, pointwise.outputWidth());
        return post == null || out.dim(-1) == Shape.UNKNOWN ? out : out.withLast(post.outputWidth(out.dim(-1)));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int batch = x.batch(), rank = window.rank(), cin = depthwise.inputChannels(), c = pointwise.outputWidth();
        boolean cf = window.channelsFirst();
        ConvKernel.Geometry g = window.geometry(Grid.spatial(x.shape().dropFirst(), rank, cf));
        float[] in = cf ? Grid.toChannelsLast(x.data(), batch, cin, g.inVolume()) : x.data();
        float[] mid = depthwise.forward(in, batch, g);
        int rows = batch * g.outVolume();
        float[] y = new float[Math.multiplyExact(rows, c)];
        pointwise.forward(mid, 0, y, 0, rows);
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
        Activation a = post != null ? post : pointwise.activation();
        return window.describe() + " x" + depthwise.depthMultiplier() + (a.isIdentity() ? "" : ", " + a.name());
    }
}
