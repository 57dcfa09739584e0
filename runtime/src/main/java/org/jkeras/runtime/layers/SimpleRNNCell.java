package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.kernels.RecurrentKernel;

/** Keras {@code SimpleRNNCell}: {@code h' = act(x·W + b + h·U)}. */
public final class SimpleRNNCell implements RecurrentKernel.Cell {
    private final int in, units;
    private final DenseKernel input;     // (in, units), bias (units)
    private final DenseKernel recurrent; // (units, units), no bias
    private final Activation act;
    private final boolean useBias;

    /** kernel (in, u), recurrentKernel (u, u), bias (u) or null. */
    public SimpleRNNCell(int in, int units, float[] kernel, float[] recurrentKernel, float[] bias, Activation act) {
        this.in = in;
        this.units = units;
        this.input = DenseKernel.pack(kernel, bias, in, units, null);
        this.recurrent = DenseKernel.pack(recurrentKernel, null, units, units, null);
        this.act = RNN.checkActivation(act, "activation");
        this.useBias = bias != null;
    }

    @Override public int inputSize() { return in; }
    @Override public int units() { return units; }
    @Override public int stateCount() { return 1; }
    @Override public int projectedWidth() { return input.outputWidth(); }
    @Override public long projectWork() { return 2L * in * input.outputWidth(); }
    @Override public long recurrentWork() { return 2L * units * units; }
    @Override public int scratchPerRow() { return 0; }

    @Override
    public void project(float[] x, int xOff, float[] out, int outOff, int rows) {
        input.forward(x, xOff, out, outOff, rows);
    }

    @Override
    public void step(float[] xp, int xpOff, int xpStride, float[][] prev, float[][] next, int row0, int rows, float[] s) {
        int u = units, off = row0 * units;
        float[] hn = next[0];
        recurrent.forward(prev[0], off, hn, off, rows); // h·U
        for (int r = 0; r < rows; r++) {
            int x = xpOff + r * xpStride, o = off + r * u;
            for (int j = 0; j < u; j++) hn[o + j] += xp[x + j];
            act.applyRows(hn, o, 1, u);
        }
    }

    @Override
    public long paramCount() {
        return (long) units * (in + units) + (useBias ? units : 0);
    }

    @Override
    public String describe() {
        return "SimpleRNNCell(" + units + ", " + act.name() + (useBias ? "" : ", no bias") + ")";
    }
}
