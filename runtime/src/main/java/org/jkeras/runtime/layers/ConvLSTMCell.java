package org.jkeras.runtime.layers;

import java.util.Arrays;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.Arena;
import org.jkeras.runtime.kernels.ConvKernel;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.RecurrentKernel;
import org.jkeras.runtime.kernels.Window;

/**
 * Keras {@code ConvLSTMCell}: an {@link LSTMCell} whose products are convolutions, one image per step, channels
 * last, gates i, f, c, o the four blocks of output channels:
 * <pre>
 *   z = conv(x, W) + b + conv(h, U);   i = ract(z_i)  f = ract(z_f)  o = ract(z_o)
 *   c' = f * c + i * act(z_c);   h' = o * act(c')
 * </pre>
 * {@code conv(x, W)} with the layer's strides, padding and dilation; {@code conv(h, U)} 'same', stride 1, no
 * dilation, as Keras' {@code recurrent_conv}. States h and c are (out..., filters) images.
 */
public final class ConvLSTMCell implements RecurrentKernel.Cell {
    private final ConvKernel input;              // kernel (k..., cin, 4·filters), bias (4·filters)
    private final ConvKernel recurrent;          // recurrent_kernel (k..., filters, 4·filters), no bias
    private final ConvKernel.Geometry inGeom, recGeom;
    private final int cin, filters, inVol, outVol, taps; // taps: kernel positions (kd·kh·kw)
    private final int[] out3;
    private final Activation act, ract;
    private final boolean useBias;
    private final long params;

    /**
     * {@code window}: the input convolution (its data format is the layer's affair); {@code in3}: the input's
     * spatial dims, left-padded to three; {@code kernel} (k..., cin, 4f), {@code recurrentKernel} (k..., f, 4f),
     * {@code bias} (4f) or null, gates i, f, c, o.
     */
    public ConvLSTMCell(Window window, int[] in3, int cin, int filters, float[] kernel, float[] recurrentKernel, float[] bias, Activation act,
                        Activation ract) {
        int[] ones = {1, 1, 1};
        this.cin = cin;
        this.filters = filters;
        this.inGeom = window.geometry(in3);
        this.out3 = inGeom.out();
        Window rec = new Window(window.rank(), window.size(), Arrays.copyOf(ones, window.rank()), Arrays.copyOf(ones, window.rank()), Padding.SAME, false);
        this.recGeom = rec.geometry(out3);
        this.inVol = inGeom.inVolume();
        this.outVol = inGeom.outVolume();
        int[] k = window.size3();
        this.taps = k[0] * k[1] * k[2];
        this.input = ConvKernel.pack(kernel, bias, window.size3(), window.strides3(), window.dilation3(), cin, 4 * filters, 1, null);
        this.recurrent = ConvKernel.pack(recurrentKernel, null, window.size3(), ones, ones, filters, 4 * filters, 1, null);
        this.act = RNN.checkActivation(act, "activation");
        this.ract = RNN.checkActivation(ract, "recurrent_activation");
        this.useBias = bias != null;
        this.params = (long) kernel.length + recurrentKernel.length + (bias == null ? 0 : bias.length);
    }

    /** Output (and state) spatial dims, left-padded to three. */
    public int[] outDims3() {
        return out3.clone();
    }

    public int filters() {
        return filters;
    }

    @Override public int inputSize() { return inVol * cin; }
    @Override public int units() { return outVol * filters; }
    @Override public int stateCount() { return 2; }
    @Override public int projectedWidth() { return outVol * 4 * filters; }
    @Override public int scratchPerRow() { return 0; }

    @Override
    public long projectWork() {
        return 2L * outVol * 4 * filters * cin * taps;
    }

    @Override
    public long recurrentWork() {
        return 2L * outVol * 4 * filters * filters * taps;
    }

    @Override
    public void project(float[] x, int xOff, float[] out, int outOff, int rows) {
        float[] images = Arena.floats(rows * inputSize());
        System.arraycopy(x, xOff, images, 0, images.length);
        float[] y = input.forward(images, rows, inGeom); // (rows, out..., 4f): conv(x, W) + b
        System.arraycopy(y, 0, out, outOff, rows * projectedWidth());
        Arena.release(y);
        Arena.release(images);
    }

    @Override
    public void step(float[] xp, int xpOff, int xpStride, float[][] prev, float[][] next, int row0, int rows, float[] scratch) {
        int u = units(), f = filters, g = 4 * f;
        float[] h = Arena.floats(rows * u);
        System.arraycopy(prev[0], row0 * u, h, 0, h.length);
        float[] z = recurrent.forward(h, rows, recGeom); // (rows, out..., 4f): conv(h, U)
        float[] cp = prev[1], hn = next[0], cn = next[1];
        for (int r = 0; r < rows; r++) {
            for (int p = 0; p < outVol; p++) {
                int zo = (r * outVol + p) * g, xo = xpOff + r * xpStride + p * g, so = (row0 + r) * u + p * f;
                for (int j = 0; j < g; j++) z[zo + j] = xp[xo + j] + z[zo + j];
                ract.applyRows(z, zo, 2, f);         // i, f
                act.applyRows(z, zo + 2 * f, 1, f);  // candidate
                ract.applyRows(z, zo + 3 * f, 1, f); // o
                for (int j = 0; j < f; j++) {
                    float c = z[zo + f + j] * cp[so + j] + z[zo + j] * z[zo + 2 * f + j];
                    cn[so + j] = c;
                    z[zo + 2 * f + j] = c;
                }
                act.applyRows(z, zo + 2 * f, 1, f);
                for (int j = 0; j < f; j++) hn[so + j] = z[zo + 3 * f + j] * z[zo + 2 * f + j];
            }
        }
        Arena.release(z);
        Arena.release(h);
    }

    @Override
    public long paramCount() {
        return params;
    }

    @Override
    public String describe() {
        return "ConvLSTMCell(" + filters + ", " + act.name() + ", recurrent " + ract.name() + (useBias ? "" : ", no bias") + ")";
    }
}
