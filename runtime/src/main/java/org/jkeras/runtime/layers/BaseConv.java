package org.jkeras.runtime.layers;

import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.ConvKernel;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.kernels.Window;

/**
 * Keras {@code Conv1D/2D/3D} (and, through {@link BaseConvTranspose}, their transposes):
 * {@code activation(conv(x, kernel) + bias)} by {@link ConvKernel} (direct, or im2col rows times the fused Dense
 * GEMM). Channels-first inputs are moved channels last for the kernel and back. The activation runs in the
 * kernel's epilogue when the output's last axis is the channel axis; otherwise (channels first, or a row-wise activation
 * on a grouped convolution) it runs afterwards on the output's last axis, as Keras applies it.
 */
public abstract class BaseConv extends Layer implements ChannelFolding {
    protected final Window window;
    protected final ConvKernel kernel; // packed from kernel (k..., cin/groups, cout) or, transposed, (k..., cout, cin); bias fused
    private final Activation post;     // activation applied after the layout change, or null when fused/linear
    private final long params;
    private final List<String> fusedFrom; // layers folded into this one (BatchNormalization, activation)

    /** {@code kernel}: Keras' kernel, {@code (k..., cin/groups, filters)}; {@code bias} (filters) or null; {@code act} null for linear. */
    protected BaseConv(String name, Window window, float[] kernel, float[] bias, int cin, int filters, int groups, Activation act) {
        this(name, window, kernel, bias, cin, filters, groups, act, false);
    }

    BaseConv(String name, Window window, float[] kernel, float[] bias, int cin, int filters, int groups, Activation act, boolean transposed) {
        super(name);
        this.window = window;
        boolean fuse = act == null || !window.channelsFirst() && (groups == 1 || act.isElementwise());
        Activation inKernel = fuse ? act : null;
        this.kernel = transposed
                ? ConvKernel.packTransposed(kernel, bias, window.size3(), window.strides3(), window.dilation3(), cin, filters, inKernel)
                : ConvKernel.pack(kernel, bias, window.size3(), window.strides3(), window.dilation3(), cin, filters, groups, inKernel);
        this.post = fuse || act.isIdentity() ? null : act;
        this.params = (long) kernel.length + (bias == null ? 0 : bias.length);
        this.fusedFrom = List.of();
    }

    /** {@code src} with another packed kernel and {@code layer} recorded as folded in. */
    private BaseConv(BaseConv src, ConvKernel kernel, String layer) {
        super(src.name());
        this.window = src.window;
        this.kernel = kernel;
        this.post = null;
        this.params = src.params;
        List<String> names = new java.util.ArrayList<>(src.fusedFrom);
        names.add(layer);
        this.fusedFrom = List.copyOf(names);
    }

    /** The channel axis of an output sample (batch axis excluded): the last, after the spatial axes. */
    public int channelAxis() {
        return window.rank();
    }

    /**
     * Whether a per-channel affine map or an activation after this layer can run inside its kernel: a
     * convolution (not transposed), channels last, with no activation yet.
     */
    public boolean canFold() {
        return !(this instanceof BaseConvTranspose) && !window.channelsFirst() && post == null && kernel.activation().isIdentity();
    }

    /** This layer followed by {@code y·scale + shift} per filter (BatchNormalization {@code layer}), which {@link #canFold}. */
    public BaseConv folded(float[] scale, float[] shift, String layer) {
        if (!canFold()) throw new IllegalStateException("'" + name() + "' cannot fold " + layer);
        return new Fused(this, kernel.scaledFilters(scale, shift), layer);
    }

    /** Whether activation {@code act} can run in this layer's kernel: {@link #canFold} and elementwise. */
    public boolean canFuse(Activation act) {
        return canFold() && kernel.canFuse(act);
    }

    /** This layer with activation layer {@code layer}'s {@code act} in its kernel (which {@link #canFuse}). */
    public BaseConv withActivation(Activation act, String layer) {
        if (!canFuse(act)) throw new IllegalStateException("'" + name() + "' cannot fuse " + layer);
        return new Fused(this, kernel.withActivation(act), layer);
    }

    /** A convolution with layers folded into its kernel; it keeps the original's Keras class. */
    private static final class Fused extends BaseConv {
        private final String kerasClass;

        Fused(BaseConv src, ConvKernel kernel, String layer) {
            super(src, kernel, layer);
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

    public Window window() {
        return window;
    }

    /** The activation, fused or not; {@code linear} when there is none. */
    public Activation activation() {
        return post != null ? post : kernel.activation();
    }

    /** Output spatial dims (three, left-padded) for input spatial dims that may be unknown. */
    protected int[] outDims3(int[] in3) {
        return window.outDims3(in3);
    }

    /** Geometry of one call on known input spatial dims. */
    protected ConvKernel.Geometry geometry(int[] in3) {
        return window.geometry(in3);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape in = inputs.get(0);
        int[] sp = Grid.spatial(in, window.rank(), window.channelsFirst());
        int c = Grid.channels(in, window.channelsFirst());
        if (c != kernel.inputChannels()) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' expects " + kernel.inputChannels() + " input channels, got input shape " + in);
        }
        Shape out = Grid.shape(outDims3(sp), kernel.outputWidth(), window.rank(), window.channelsFirst());
        return post == null || out.dim(-1) == Shape.UNKNOWN ? out : out.withLast(post.outputWidth(out.dim(-1)));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor x = inputs.get(0);
        int batch = x.batch(), rank = window.rank();
        boolean cf = window.channelsFirst();
        ConvKernel.Geometry g = geometry(Grid.spatial(x.shape().dropFirst(), rank, cf));
        int cin = kernel.inputChannels(), c = kernel.outputWidth();
        float[] in = cf ? Grid.toChannelsLast(x.data(), batch, cin, g.inVolume()) : x.data();
        float[] y = kernel.forward(in, batch, g);
        if (cf) y = Grid.toChannelsFirst(y, batch, c, g.outVolume());
        Tensor out = new Tensor(Grid.shape(g.out(), c, rank, cf).prepend(batch), y);
        return post == null ? out : activate(out, post);
    }

    /**
     * Whether {@code pool} can run inside this layer's forward pass on each image's output (see
     * {@link ConvPooling}): both channels last, the activation in the kernel, the kernel's direct form.
     */
    public boolean canPool(BasePooling pool) {
        return post == null && !window.channelsFirst() && !pool.window().channelsFirst() && pool.window().rank() == window.rank()
                && kernel.poolsOwnOutput();
    }

    /** This layer then {@code pool} (which {@link #canPool}), without materialising this layer's output. */
    Tensor forwardPooled(Tensor x, BasePooling pool) {
        int batch = x.batch(), rank = window.rank();
        ConvKernel.Geometry g = geometry(Grid.spatial(x.shape().dropFirst(), rank, false));
        ConvKernel.Geometry pg = pool.window().geometry(g.out());
        float[] y = kernel.forwardPooled(x.data(), batch, g, pool.kernel(), pg);
        return new Tensor(Grid.shape(pg.out(), kernel.outputWidth(), rank, false).prepend(batch), y);
    }

    /**
     * Whether a residual {@code Add} reading this layer's output can run in its forward pass (see {@link ConvAdd}):
     * a convolution, channels last, linear (BatchNormalization may be folded in).
     */
    public boolean canAdd() {
        return canFold();
    }

    /**
     * {@code after(this(x) + residual)} (which {@link #canAdd}), {@code residual} of this layer's output shape for x,
     * {@code after} elementwise (identity for none).
     */
    Tensor forwardAdding(Tensor x, Tensor residual, Activation after) {
        int batch = x.batch(), rank = window.rank();
        ConvKernel.Geometry g = geometry(Grid.spatial(x.shape().dropFirst(), rank, false));
        float[] y = kernel.forwardAdding(x.data(), batch, g, residual.data(), after);
        return new Tensor(Grid.shape(g.out(), kernel.outputWidth(), rank, false).prepend(batch), y);
    }

    /** {@code act} on the last axis of {@code t}, in place when the width is kept (t's data must be ours). */
    static Tensor activate(Tensor t, Activation act) {
        Shape s = t.shape();
        int width = s.dim(-1), rows = width == 0 ? 0 : t.size() / width;
        float[] y = t.data();
        act.applyRows(y, 0, rows, width);
        int outWidth = act.outputWidth(width);
        return outWidth == width ? t : new Tensor(s.withLast(outWidth), java.util.Arrays.copyOf(y, rows * outWidth));
    }

    @Override
    public long paramCount() {
        return params;
    }

    @Override
    public String details() {
        Activation a = activation();
        String d = window.describe() + (a.isIdentity() ? "" : ", " + a.name());
        return fusedFrom.isEmpty() ? d : d + " (fused " + String.join(", ", fusedFrom) + ")";
    }
}
