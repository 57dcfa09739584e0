package org.jkeras.runtime.layers;

import java.util.Arrays;
import java.util.List;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.kernels.Parallel;

/**
 * Keras 2 {@code LocallyConnected1D/2D}: a convolution whose weights differ at every output position p,
 * <pre>
 *   y[p][f] = act(b[p][f] + Σ_{tap, ci} x[p·s − pad + tap][ci] · W[p][tap][ci][f])
 * </pre>
 * taps outside the input read 0 ({@code padding='same'}, which Keras 2 pads {@code k // 2} cells before, whatever
 * the stride: {@code conv_utils.conv_connected_inputs}). The weights come in one layout, whichever Keras
 * {@code implementation} stored them: W (positions, k..., cin, filters) and b (positions, filters), positions and
 * taps in C order. Each position is one {@link DenseKernel} product over the batch's gathered windows (bias and
 * activation in its epilogue); channels-first tensors are moved channels last and back, the activation then
 * running on their last axis, as Keras applies it.
 */
public abstract class BaseLocallyConnected extends Layer {
    private final int rank, cin, filters;
    private final int[] in3, out3, k3, s3, pad3; // (d, h, w) each, left-padded
    private final boolean same, channelsFirst;
    private final DenseKernel[] positions;        // (out volume): (taps · cin → filters), bias of that position
    private final Activation post;                // channels first: applied after the layout change; else null
    private final long params;

    /**
     * {@code in3}, {@code k3}, {@code s3}: input dims, kernel size and strides, left-padded to three;
     * {@code same}: padding 'same' (else 'valid'); {@code kernel} (positions, k..., cin, filters),
     * {@code bias} (positions, filters) or null; {@code act} null for linear.
     */
    protected BaseLocallyConnected(String name, int rank, int[] in3, int[] k3, int[] s3, boolean same, boolean channelsFirst, int cin, int filters,
                                   float[] kernel, float[] bias, Activation act) {
        super(name);
        this.rank = rank;
        this.in3 = in3.clone();
        this.k3 = k3.clone();
        this.s3 = s3.clone();
        this.out3 = new int[3];
        this.pad3 = new int[3];
        for (int a = 0; a < 3; a++) {
            out3[a] = same ? (in3[a] + s3[a] - 1) / s3[a] : (in3[a] - k3[a]) / s3[a] + 1;
            pad3[a] = same ? k3[a] / 2 : 0;
            if (in3[a] < 1 || out3[a] < 1) throw new IllegalArgumentException("a window of " + Arrays.toString(k3) + " does not fit an input of " + Arrays.toString(in3));
        }
        this.same = same;
        this.channelsFirst = channelsFirst;
        this.cin = cin;
        this.filters = filters;
        int taps = k3[0] * k3[1] * k3[2] * cin, vol = out3[0] * out3[1] * out3[2];
        if (kernel.length != (long) vol * taps * filters) {
            throw new IllegalArgumentException("kernel has " + kernel.length + " values, expected " + vol + " x " + taps + " x " + filters);
        }
        if (bias != null && bias.length != vol * filters) throw new IllegalArgumentException("bias has " + bias.length + " values, expected " + vol + " x " + filters);
        this.positions = new DenseKernel[vol];
        for (int p = 0; p < vol; p++) {
            float[] w = Arrays.copyOfRange(kernel, p * taps * filters, (p + 1) * taps * filters);
            float[] b = bias == null ? null : Arrays.copyOfRange(bias, p * filters, (p + 1) * filters);
            positions[p] = DenseKernel.pack(w, b, taps, filters, channelsFirst ? null : act);
        }
        this.post = channelsFirst && act != null && !act.isIdentity() ? act : null;
        this.params = (long) kernel.length + (bias == null ? 0 : bias.length);
    }

    @Override
    public Shape outputShape(List<Shape> inputs) {
        expectInputs(inputs, 1);
        Shape expected = Grid.shape(in3, cin, rank, channelsFirst);
        if (!inputs.get(0).equals(expected)) {
            throw new IllegalArgumentException(kerasClass() + " '" + name() + "' expects input " + expected.prepend(Shape.UNKNOWN) + ", got "
                    + inputs.get(0).prepend(Shape.UNKNOWN));
        }
        Shape out = Grid.shape(out3, filters, rank, channelsFirst);
        return post == null ? out : out.withLast(post.outputWidth(out.dim(-1)));
    }

    @Override
    public Tensor forward(List<Tensor> inputs) {
        Tensor t = inputs.get(0);
        int batch = t.batch(), inVol = in3[0] * in3[1] * in3[2], vol = positions.length, taps = k3[0] * k3[1] * k3[2] * cin;
        float[] x = channelsFirst ? Grid.toChannelsLast(t.data(), batch, cin, inVol) : t.data();
        float[] y = new float[batch * vol * filters], cl = y;
        Parallel.parallelFor(vol, 2L * batch * vol * taps * filters, p -> {
            float[] rows = new float[batch * taps], part = new float[batch * filters];
            for (int b = 0; b < batch; b++) gather(x, b, p, rows, b * taps);
            positions[p].forward(rows, 0, part, 0, batch);
            for (int b = 0; b < batch; b++) System.arraycopy(part, b * filters, cl, (b * vol + p) * filters, filters);
        });
        if (channelsFirst) y = Grid.toChannelsFirst(y, batch, filters, vol);
        Tensor out = new Tensor(Grid.shape(out3, filters, rank, channelsFirst).prepend(batch), y);
        return post == null ? out : BaseConv.activate(out, post);
    }

    /** The window of output position {@code p} in sample {@code b}, (k..., cin), into {@code row} at {@code at}. */
    private void gather(float[] x, int b, int p, float[] row, int at) {
        int oz = p / (out3[1] * out3[2]), oy = p / out3[2] % out3[1], ox = p % out3[2];
        for (int kz = 0; kz < k3[0]; kz++) {
            int iz = oz * s3[0] - pad3[0] + kz;
            for (int ky = 0; ky < k3[1]; ky++) {
                int iy = oy * s3[1] - pad3[1] + ky;
                for (int kx = 0; kx < k3[2]; kx++, at += cin) {
                    int ix = ox * s3[2] - pad3[2] + kx;
                    if (iz < 0 || iz >= in3[0] || iy < 0 || iy >= in3[1] || ix < 0 || ix >= in3[2]) Arrays.fill(row, at, at + cin, 0f);
                    else System.arraycopy(x, (((b * in3[0] + iz) * in3[1] + iy) * in3[2] + ix) * cin, row, at, cin);
                }
            }
        }
    }

    @Override
    public long paramCount() {
        return params;
    }

    @Override
    public String details() {
        StringBuilder b = new StringBuilder();
        for (int a = 3 - rank; a < 3; a++) b.append(a > 3 - rank ? "x" : "").append(k3[a]);
        if (Arrays.stream(s3).anyMatch(v -> v != 1)) b.append(" stride ").append(s3[3 - rank] + (rank == 2 ? "x" + s3[2] : ""));
        b.append(same ? " same" : " valid");
        if (channelsFirst) b.append(" channels_first");
        b.append(", unshared weights");
        Activation a = post != null ? post : positions[0].activation();
        return a.isIdentity() ? b.toString() : b + ", " + a.name();
    }
}
