package org.jkeras.importer.layers;

import java.util.Arrays;

import org.jkeras.activations.Activation;
import org.jkeras.importer.Config;
import org.jkeras.importer.MapContext;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.kernels.Grid;
import org.jkeras.runtime.layers.LocallyConnected1D;
import org.jkeras.runtime.layers.LocallyConnected2D;

/**
 * The mapping shared by {@code LocallyConnected1DMapper} and {@code LocallyConnected2DMapper} (Keras 2, tf.keras):
 * {@code filters}, {@code kernel_size}, {@code strides}, {@code padding} (valid; same with implementation 2 or 3),
 * {@code data_format} (absent in Keras 2.0's LocallyConnected1D: channels last), {@code activation},
 * {@code use_bias}, {@code implementation}. The kernel's layout depends on the implementation (P output positions,
 * T kernel taps, input and output dims in C order):
 * <ul>
 *   <li>1: (P, T·cin, filters), each window flattened as Keras slices it from the input: (k..., cin) channels
 *       last, (cin, k...) channels first; padding valid only;</li>
 *   <li>2: a dense kernel masked to the windows: (in..., cin, out..., filters), channels first
 *       (cin, in..., filters, out...);</li>
 *   <li>3: the window entries only, (n,), in the sorted order of {@code conv_utils.conv_kernel_idxs}: (output
 *       index, input index) pairs, each index flat in the data format's order.</li>
 * </ul>
 * Bias (out..., filters); channels first, Keras' {@code bias_add} reshapes it (no transpose) to (filters, out...),
 * so its values are read in that order. Windows under 'same' start {@code k // 2} cells before {@code o·s}.
 */
final class LocallyConnectedMapping {
    private LocallyConnectedMapping() {
    }

    static Layer map(MapContext ctx, int rank) {
        Config cfg = ctx.config();
        if (cfg.has("nb_filter")) throw ctx.error("Keras 1 locally connected layers are not supported");
        boolean cf = SpatialConfig.channelsFirst(ctx);
        int[] k = SpatialConfig.ints(ctx, rank, null, "kernel_size");
        int[] s = SpatialConfig.ints(ctx, rank, SpatialConfig.ones(rank), "strides");
        String padding = cfg.getStringOr("valid", "padding").toLowerCase(java.util.Locale.ROOT);
        if (!padding.equals("valid") && !padding.equals("same")) throw cfg.error("padding", "expected valid or same, got '" + padding + "'");
        boolean same = padding.equals("same");
        int impl = cfg.getInt(1, "implementation");
        if (impl < 1 || impl > 3) throw cfg.error("implementation", "expected 1, 2 or 3, got " + impl);
        if (impl == 1 && same) throw cfg.error("padding", "'same' needs implementation 2 or 3, as in Keras");
        int filters = SpatialConfig.filters(ctx), cin = SpatialConfig.inputChannels(ctx, rank, cf);
        Shape image = ctx.inputShape();
        if (!image.isFullyKnown()) throw ctx.error("the dims of input " + image.prepend(Shape.UNKNOWN) + " must be known");
        Geometry g = new Geometry(rank, Grid.spatial(image, rank, cf), pad3(k, rank), pad3(s, rank), same, cin, filters);
        boolean bias = SpatialConfig.useBias(ctx);
        ctx.expectWeightCount(bias ? 2 : 1);
        float[] kernel = switch (impl) {
            case 1 -> g.fromImpl1(ctx.weight(0, "kernel (implementation 1)", g.outVol, g.taps * cin, filters), cf);
            case 2 -> g.fromImpl2(ctx.weight(0, "kernel (implementation 2)", g.impl2Shape(cf)), cf);
            default -> g.fromImpl3(ctx.weight(0, "kernel (implementation 3)", g.nonZeros()), cf);
        };
        float[] b = bias ? g.bias(ctx.weight(1, "bias", concat(g.outDims(), filters)), cf) : null;
        Activation act = ctx.activation("linear", "activation");
        return rank == 1 ? new LocallyConnected1D(ctx.name(), g.in3, g.k3, g.s3, same, cf, cin, filters, kernel, b, act)
                : new LocallyConnected2D(ctx.name(), g.in3, g.k3, g.s3, same, cf, cin, filters, kernel, b, act);
    }

    private static int[] pad3(int[] a, int rank) {
        int[] p = {1, 1, 1};
        System.arraycopy(a, 0, p, 3 - rank, rank);
        return p;
    }

    private static int[] concat(int[] a, int... tail) {
        int[] s = Arrays.copyOf(a, a.length + tail.length);
        System.arraycopy(tail, 0, s, a.length, tail.length);
        return s;
    }

    /**
     * Output dims, windows and the layouts' index arithmetic. The canonical kernel the runtime layer takes is
     * (P, T, cin, filters): {@code ((p·T + t)·cin + ci)·filters + f}, taps outside the input left 0.
     */
    private static final class Geometry {
        final int rank, cin, filters, taps, inVol, outVol;
        final int[] in3, k3, s3, out3 = new int[3], pad3 = new int[3];

        Geometry(int rank, int[] in3, int[] k3, int[] s3, boolean same, int cin, int filters) {
            this.rank = rank;
            this.in3 = in3;
            this.k3 = k3;
            this.s3 = s3;
            this.cin = cin;
            this.filters = filters;
            for (int a = 0; a < 3; a++) {
                out3[a] = same ? (in3[a] + s3[a] - 1) / s3[a] : (in3[a] - k3[a]) / s3[a] + 1;
                pad3[a] = same ? k3[a] / 2 : 0;
                if (out3[a] < 1) throw new IllegalArgumentException("a window of " + k3[a] + " does not fit an input axis of " + in3[a]);
            }
            this.taps = k3[0] * k3[1] * k3[2];
            this.inVol = in3[0] * in3[1] * in3[2];
            this.outVol = out3[0] * out3[1] * out3[2];
        }

        int[] outDims() {
            return Arrays.copyOfRange(out3, 3 - rank, 3);
        }

        int[] impl2Shape(boolean cf) {
            int[] inD = Arrays.copyOfRange(in3, 3 - rank, 3), outD = outDims();
            return cf ? concat(concat(new int[] {cin}, inD), concat(new int[] {filters}, outD)) : concat(concat(inD, cin), concat(outD, filters));
        }

        /** Input position read by output position p through tap t, or -1 outside the input. */
        int source(int p, int t) {
            int q = 0;
            for (int a = 0, pr = p, tr = t; a < 3; a++) {
                int ps = a == 0 ? out3[1] * out3[2] : a == 1 ? out3[2] : 1, ts = a == 0 ? k3[1] * k3[2] : a == 1 ? k3[2] : 1;
                int i = pr / ps * s3[a] - pad3[a] + tr / ts;
                pr %= ps;
                tr %= ts;
                if (i < 0 || i >= in3[a]) return -1;
                q = q * in3[a] + i;
            }
            return q;
        }

        private int at(int p, int t, int ci, int f) {
            return ((p * taps + t) * cin + ci) * filters + f;
        }

        float[] fromImpl1(float[] w, boolean cf) {
            float[] out = new float[w.length];
            for (int p = 0; p < outVol; p++) {
                for (int t = 0; t < taps; t++) {
                    for (int ci = 0; ci < cin; ci++) {
                        int feature = cf ? ci * taps + t : t * cin + ci;
                        System.arraycopy(w, (p * taps * cin + feature) * filters, out, at(p, t, ci, 0), filters);
                    }
                }
            }
            return out;
        }

        float[] fromImpl2(float[] w, boolean cf) {
            float[] out = new float[outVol * taps * cin * filters];
            for (int p = 0; p < outVol; p++) {
                for (int t = 0; t < taps; t++) {
                    int q = source(p, t);
                    if (q < 0) continue;
                    for (int ci = 0; ci < cin; ci++) {
                        for (int f = 0; f < filters; f++) {
                            out[at(p, t, ci, f)] = cf ? w[((ci * inVol + q) * filters + f) * outVol + p] : w[((q * cin + ci) * outVol + p) * filters + f];
                        }
                    }
                }
            }
            return out;
        }

        /** Taps of position p that read the input, in ascending input position (so ascending tap). */
        private int[] inside(int p) {
            return java.util.stream.IntStream.range(0, taps).filter(t -> source(p, t) >= 0).toArray();
        }

        int nonZeros() {
            long n = 0;
            for (int p = 0; p < outVol; p++) n += (long) inside(p).length * cin * filters;
            if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("kernel of " + n + " values is too large");
            return (int) n;
        }

        /** Sorted (out, in) pairs: channels last p, f, then q, ci; channels first f, p, then ci, q. */
        float[] fromImpl3(float[] w, boolean cf) {
            float[] out = new float[outVol * taps * cin * filters];
            int n = 0;
            for (int a = 0; a < (cf ? filters : outVol); a++) {
                for (int b = 0; b < (cf ? outVol : filters); b++) {
                    int p = cf ? b : a, f = cf ? a : b;
                    int[] ts = inside(p);
                    for (int c = 0; c < (cf ? cin : ts.length); c++) {
                        for (int d = 0; d < (cf ? ts.length : cin); d++) {
                            int t = cf ? ts[d] : ts[c], ci = cf ? c : d;
                            out[at(p, t, ci, f)] = w[n++];
                        }
                    }
                }
            }
            return out;
        }

        float[] bias(float[] b, boolean cf) {
            if (!cf) return b;
            float[] out = new float[b.length];
            for (int p = 0; p < outVol; p++) for (int f = 0; f < filters; f++) out[p * filters + f] = b[f * outVol + p];
            return out;
        }
    }
}
