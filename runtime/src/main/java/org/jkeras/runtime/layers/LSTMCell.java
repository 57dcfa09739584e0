package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.kernels.RecurrentKernel;

/**
 * Keras {@code LSTMCell} (Hochreiter 1997), gates in Keras' order i, f, c, o:
 * <pre>
 *   z = x·W + b + h·U;   i = ract(z_i)  f = ract(z_f)  o = ract(z_o)
 *   c' = f * c + i * act(z_c);   h' = o * act(c')
 * </pre>
 */
public final class LSTMCell implements RecurrentKernel.Cell {
    private final int in, units;
    private final DenseKernel input;     // (in, 4*units) gates i,f,c,o, with bias (4*units)
    private final DenseKernel recurrent; // (units, 4*units) gates i,f,c,o, no bias
    private final Activation act, ract;
    private final boolean useBias;

    /** kernel (in, 4u), recurrentKernel (u, 4u), bias (4u) or null; gates i, f, c, o. */
    public LSTMCell(int in, int units, float[] kernel, float[] recurrentKernel, float[] bias, Activation act, Activation ract) {
        this.in = in;
        this.units = units;
        this.input = DenseKernel.pack(kernel, bias, in, 4 * units, null);
        this.recurrent = DenseKernel.pack(recurrentKernel, null, units, 4 * units, null);
        this.act = RNN.checkActivation(act, "activation");
        this.ract = RNN.checkActivation(ract, "recurrent_activation");
        this.useBias = bias != null;
    }

    @Override public int inputSize() { return in; }
    @Override public int units() { return units; }
    @Override public int stateCount() { return 2; }
    @Override public int projectedWidth() { return input.outputWidth(); }
    @Override public long projectWork() { return 2L * in * input.outputWidth(); }
    @Override public long recurrentWork() { return 2L * units * 4 * units; }
    @Override public int scratchPerRow() { return 5 * units; }

    @Override
    public void project(float[] x, int xOff, float[] out, int outOff, int rows) {
        input.forward(x, xOff, out, outOff, rows);
    }

    @Override
    public void step(float[] xp, int xpOff, int xpStride, float[][] prev, float[][] next, int row0, int rows, float[] s) {
        int u = units, off = row0 * units, g = 4 * u;
        recurrent.forward(prev[0], off, s, 0, rows); // s = h·U, (rows, 4u)
        float[] cp = prev[1], hn = next[0], cn = next[1];
        int tmp = rows * g; // (u) scratch after the gates
        for (int r = 0; r < rows; r++) {
            int z = r * g, x = xpOff + r * xpStride, o = off + r * u;
            for (int j = 0; j < g; j++) s[z + j] += xp[x + j];
            ract.applyRows(s, z, 2, u);         // i, f
            act.applyRows(s, z + 2 * u, 1, u);  // candidate
            ract.applyRows(s, z + 3 * u, 1, u); // o
            for (int j = 0; j < u; j++) {
                float c = s[z + u + j] * cp[o + j] + s[z + j] * s[z + 2 * u + j];
                cn[o + j] = c;
                s[tmp + j] = c;
            }
            act.applyRows(s, tmp, 1, u);
            for (int j = 0; j < u; j++) hn[o + j] = s[z + 3 * u + j] * s[tmp + j];
        }
    }

    @Override
    public long paramCount() {
        return 4L * units * (in + units) + (useBias ? 4L * units : 0);
    }

    @Override
    public String describe() {
        return "LSTMCell(" + units + ", " + act.name() + ", recurrent " + ract.name() + (useBias ? "" : ", no bias") + ")";
    }
}
