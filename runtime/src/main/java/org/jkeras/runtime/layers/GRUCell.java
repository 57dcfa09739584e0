package org.jkeras.runtime.layers;

import org.jkeras.activations.Activation;
import org.jkeras.runtime.kernels.DenseKernel;
import org.jkeras.runtime.kernels.RecurrentKernel;

/**
 * Keras {@code GRUCell} (Cho et al. 2014), gates in Keras' order z, r, h:
 * <pre>
 *   x_z, x_r, x_h = x·W + b_in
 *   reset_after:  m = h·U + b_rec;  z = ract(x_z + m_z)  r = ract(x_r + m_r)  hh = act(x_h + r * m_h)
 *   reset before: z = ract(x_z + h·U_z)  r = ract(x_r + h·U_r)  hh = act(x_h + (r * h)·U_h)
 *   h' = z * h + (1 - z) * hh
 * </pre>
 * Keras 1 GRU and Keras 2 {@code reset_after=False} are the "reset before" form.
 */
public final class GRUCell implements RecurrentKernel.Cell {
    private final int in, units;
    private final boolean resetAfter, useBias;
    private final DenseKernel input;      // (in, 3*units) gates z,r,h, input bias (3*units)
    private final DenseKernel recurrent;  // reset_after: (units, 3*units) z,r,h with recurrent bias; before: (units, 2*units) z,r
    private final DenseKernel candidate;  // reset before only: (units, units) h, no bias
    private final Activation act, ract;

    /**
     * kernel (in, 3u), recurrentKernel (u, 3u), gates z, r, h; inputBias (3u) or null; recurrentBias (3u) or null
     * (only with resetAfter: the second row of Keras' (2, 3u) bias).
     */
    public GRUCell(int in, int units, float[] kernel, float[] recurrentKernel, float[] inputBias, float[] recurrentBias, boolean resetAfter,
                   Activation act, Activation ract) {
        if (!resetAfter && recurrentBias != null) throw new IllegalArgumentException("a recurrent bias needs reset_after=True");
        this.in = in;
        this.units = units;
        this.resetAfter = resetAfter;
        this.useBias = inputBias != null;
        this.input = DenseKernel.pack(kernel, inputBias, in, 3 * units, null);
        if (resetAfter) {
            this.recurrent = DenseKernel.pack(recurrentKernel, recurrentBias, units, 3 * units, null);
            this.candidate = null;
        } else {
            float[] zr = new float[units * 2 * units], h = new float[units * units];
            for (int k = 0; k < units; k++) {
                System.arraycopy(recurrentKernel, k * 3 * units, zr, k * 2 * units, 2 * units);
                System.arraycopy(recurrentKernel, k * 3 * units + 2 * units, h, k * units, units);
            }
            this.recurrent = DenseKernel.pack(zr, null, units, 2 * units, null);
            this.candidate = DenseKernel.pack(h, null, units, units, null);
        }
        this.act = RNN.checkActivation(act, "activation");
        this.ract = RNN.checkActivation(ract, "recurrent_activation");
    }

    @Override public int inputSize() { return in; }
    @Override public int units() { return units; }
    @Override public int stateCount() { return 1; }
    @Override public int projectedWidth() { return input.outputWidth(); }
    @Override public long projectWork() { return 2L * in * input.outputWidth(); }
    @Override public long recurrentWork() { return 2L * units * 3 * units; }
    @Override public int scratchPerRow() { return 4 * units; }

    @Override
    public void project(float[] x, int xOff, float[] out, int outOff, int rows) {
        input.forward(x, xOff, out, outOff, rows);
    }

    @Override
    public void step(float[] xp, int xpOff, int xpStride, float[][] prev, float[][] next, int row0, int rows, float[] s) {
        int u = units, off = row0 * units;
        float[] hp = prev[0], hn = next[0];
        if (resetAfter) {
            int g = 3 * u;
            recurrent.forward(hp, off, s, 0, rows); // m = h·U + b_rec, (rows, 3u)
            for (int r = 0; r < rows; r++) {
                int m = r * g, x = xpOff + r * xpStride, o = off + r * u;
                for (int j = 0; j < 2 * u; j++) s[m + j] += xp[x + j];
                ract.applyRows(s, m, 2, u); // z, r
                for (int j = 0; j < u; j++) s[m + 2 * u + j] = xp[x + 2 * u + j] + s[m + u + j] * s[m + 2 * u + j];
                act.applyRows(s, m + 2 * u, 1, u);
                for (int j = 0; j < u; j++) {
                    float z = s[m + j];
                    hn[o + j] = z * hp[o + j] + (1f - z) * s[m + 2 * u + j];
                }
            }
        } else {
            int g = 2 * u, rh = rows * g, cand = rh + rows * u;
            recurrent.forward(hp, off, s, 0, rows); // h·U_zr, (rows, 2u)
            for (int r = 0; r < rows; r++) {
                int m = r * g, x = xpOff + r * xpStride, o = off + r * u;
                for (int j = 0; j < g; j++) s[m + j] += xp[x + j];
                ract.applyRows(s, m, 2, u); // z, r
                for (int j = 0; j < u; j++) s[rh + r * u + j] = s[m + u + j] * hp[o + j]; // r * h
            }
            candidate.forward(s, rh, s, cand, rows); // (r * h)·U_h, (rows, u)
            for (int r = 0; r < rows; r++) {
                int m = r * g, x = xpOff + r * xpStride, o = off + r * u, c = cand + r * u;
                for (int j = 0; j < u; j++) s[c + j] += xp[x + 2 * u + j];
                act.applyRows(s, c, 1, u);
                for (int j = 0; j < u; j++) {
                    float z = s[m + j];
                    hn[o + j] = z * hp[o + j] + (1f - z) * s[c + j];
                }
            }
        }
    }

    @Override
    public long paramCount() {
        return 3L * units * (in + units) + (useBias ? (resetAfter ? 6L : 3L) * units : 0);
    }

    @Override
    public String describe() {
        return "GRUCell(" + units + ", " + act.name() + ", recurrent " + ract.name() + ", reset_after=" + (resetAfter ? "True" : "False")
                + (useBias ? "" : ", no bias") + ")";
    }
}
