package org.jkeras.runtime.kernels;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Simd;

/**
 * Keras depthwise convolution, channels last, as a direct loop: every input channel {@code ci} is convolved with
 * its own {@code depth_multiplier} filters, output channel {@code ci·m + j}:
 * <pre>
 *   y[o][ci·m + j] = act(b[ci·m + j] + Σ_tap x[i(o, tap)][ci] · K[tap][ci][j]),   i = o·s − pad + tap·dilation
 * </pre>
 * with {@code K} as Keras stores it, {@code (k..., cin, m)}; taps on padding contribute nothing. The
 * activation runs on each finished row of {@code cin·m} outputs (the channel axis).
 */
public final class DepthwiseKernel {
    private static final int ROWS_PER_TASK = 64;

    private final int[] k, s, dil;  // (3) kernel extent, stride, dilation per axis (d, h, w)
    private final int cin, mult;
    private final float[] w;        // (kd·kh·kw, cin·mult): Keras' (k..., cin, mult) flattened
    private final float[] b;        // (cin·mult), zeros without a bias
    private final Activation act;   // null for linear

    public DepthwiseKernel(float[] kernel, float[] bias, int[] k, int[] s, int[] dil, int cin, int mult, Activation act) {
        int taps = k[0] * k[1] * k[2], cm = cin * mult;
        if (kernel.length != (long) taps * cm) throw new IllegalArgumentException("depthwise kernel has " + kernel.length + " values, expected " + (long) taps * cm);
        if (bias != null && bias.length != cm) throw new IllegalArgumentException("bias has " + bias.length + " values, expected " + cm);
        this.k = k.clone();
        this.s = s.clone();
        this.dil = dil.clone();
        this.cin = cin;
        this.mult = mult;
        this.w = kernel.clone();
        this.b = bias == null ? new float[cm] : bias.clone();
        this.act = act == null || act.isIdentity() ? null : act;
    }

    /** This linear kernel followed by {@code y·scale[c] + shift[c]} per output channel, folded into weights and bias. */
    public DepthwiseKernel scaledChannels(float[] scale, float[] shift) {
        int cm = cin * mult;
        if (act != null) throw new IllegalStateException("a kernel with activation " + act.name() + " cannot fold a scale");
        if (scale.length != cm || shift.length != cm) throw new IllegalArgumentException(scale.length + " scales for " + cm + " channels");
        float[] nw = new float[w.length], nb = new float[cm];
        for (int i = 0; i < w.length; i++) nw[i] = w[i] * scale[i % cm];
        for (int c = 0; c < cm; c++) nb[c] = b[c] * scale[c] + shift[c];
        return new DepthwiseKernel(nw, nb, k, s, dil, cin, mult, null);
    }

    /** The same weights with {@code a} applied to each finished row; this kernel must be linear. */
    public DepthwiseKernel withActivation(Activation a) {
        if (act != null) throw new IllegalStateException("the kernel already has activation " + act.name());
        return new DepthwiseKernel(w, b, k, s, dil, cin, mult, a);
    }

    public int inputChannels() {
        return cin;
    }

    public int depthMultiplier() {
        return mult;
    }

    /** Floats per output position: {@code cin·mult}, or the activation's width for it. */
    public int outputWidth() {
        return act == null ? cin * mult : act.outputWidth(cin * mult);
    }

    public Activation activation() {
        return act;
    }

    /** {@code x}: (batch, in..., cin); returns (batch, out..., outputWidth()). */
    public float[] forward(float[] x, int batch, ConvKernel.Geometry g) {
        int cm = cin * mult, total = Math.multiplyExact(batch, g.outVolume());
        float[] y = Arena.floats(Math.multiplyExact(total, cm)); // every element written
        int tasks = (total + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
        long work = 2L * total * cm * k[0] * k[1] * k[2];
        Parallel.parallelFor(tasks, work, t -> {
            int r0 = t * ROWS_PER_TASK, r1 = Math.min(total, (t + 1) * ROWS_PER_TASK);
            rows(x, g, r0, r1, y, Simd.ENABLED);
            if (act != null && act.outputWidth(cm) == cm) act.applyRows(y, r0 * cm, r1 - r0, cm); // while the rows are in cache
        });
        if (act == null || act.outputWidth(cm) == cm) return y;
        act.applyRows(y, 0, total, cm);
        return java.util.Arrays.copyOf(y, total * act.outputWidth(cm));
    }

    /** As {@link #forward} without the activation, with the Vector API loop or the scalar one (tests compare the two). */
    float[] linear(float[] x, int batch, ConvKernel.Geometry g, boolean simd) {
        int total = Math.multiplyExact(batch, g.outVolume());
        float[] y = new float[Math.multiplyExact(total, cin * mult)];
        rows(x, g, 0, total, y, simd);
        return y;
    }

    /**
     * Output rows [r0, r1) of the batch, batch-major. With {@code simd} and a multiplier of 1, whole vectors of
     * channels go through {@link DepthwiseVector}, the rest through the scalar loop; both compute each channel as
     * {@code b + (FMAs over the taps in order, from 0)}.
     */
    private void rows(float[] x, ConvKernel.Geometry g, int r0, int r1, float[] y, boolean simd) {
        int cm = cin * mult, outVol = g.outVolume(), oh = g.out()[1], ow = g.out()[2];
        int[] in = g.in(), pad = g.pad();
        float[] acc = new float[cm];
        int vec = simd && mult == 1 ? DepthwiseVector.loopBound(cin) : 0;
        int taps = k[0] * k[1] * k[2];
        int[] xAt = new int[taps], wAt = new int[taps];
        for (int p = r0; p < r1; p++) {
            int bIdx = p / outVol, q = p % outVol;
            int[] o = {q / (oh * ow), q / ow % oh, q % ow};
            int n = 0, tap = 0; // the position's taps inside the image: input and weight offsets, in tap order
            for (int kz = 0; kz < k[0]; kz++) {
                int iz = o[0] * s[0] - pad[0] + kz * dil[0];
                for (int ky = 0; ky < k[1]; ky++) {
                    int iy = o[1] * s[1] - pad[1] + ky * dil[1];
                    for (int kx = 0; kx < k[2]; kx++, tap++) {
                        int ix = o[2] * s[2] - pad[2] + kx * dil[2];
                        if (iz < 0 || iz >= in[0] || iy < 0 || iy >= in[1] || ix < 0 || ix >= in[2]) continue;
                        xAt[n] = (((bIdx * in[0] + iz) * in[1] + iy) * in[2] + ix) * cin;
                        wAt[n++] = tap * cm;
                    }
                }
            }
            if (vec > 0) {
                DepthwiseVector.position(x, xAt, w, wAt, n, b, vec, y, p * cm);
                if (vec == cm) continue;
            }
            java.util.Arrays.fill(acc, 0f);
            for (int t = 0; t < n; t++) {
                int xo = xAt[t], wo = wAt[t];
                if (mult == 1) {
                    for (int c = vec; c < cin; c++) acc[c] = Math.fma(x[xo + c], w[wo + c], acc[c]);
                } else {
                    for (int c = 0, j = 0; c < cin; c++) {
                        float xv = x[xo + c];
                        for (int m = 0; m < mult; m++, j++) acc[j] = Math.fma(xv, w[wo + j], acc[j]);
                    }
                }
            }
            int yo = p * cm;
            for (int j = vec; j < cm; j++) y[yo + j] = acc[j] + b[j];
        }
    }
}
