package org.jkeras.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.jkeras.activations.Activation;
import org.jkeras.activations.Activations;
import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Window;

/** Conv, transposed, depthwise and separable layers against the plain loops of {@link Ref}, both data formats. */
class ConvLayersTest {
    private static final double TOL = 2e-5;

    private static Layer conv(int rank, String name, Window w, float[] k, float[] b, int cin, int f, int groups, Activation act) {
        return switch (rank) {
            case 1 -> new Conv1D(name, w, k, b, cin, f, groups, act);
            case 2 -> new Conv2D(name, w, k, b, cin, f, groups, act);
            default -> new Conv3D(name, w, k, b, cin, f, groups, act);
        };
    }

    /** One conv case: random input and weights, layer vs reference, relu applied to the reference. */
    private static void checkConv(int rank, boolean cf, String mode, int[] k, int[] s, int[] d, int groups, int cin, int f, int[] in, int batch,
                                  boolean bias, long seed) {
        String what = "Conv" + rank + "D " + mode + " k" + java.util.Arrays.toString(k) + " s" + java.util.Arrays.toString(s) + " d"
                + java.util.Arrays.toString(d) + " g" + groups + (cf ? " channels_first" : "") + " in" + java.util.Arrays.toString(in);
        int[] k3 = Ref.last(rank, k), s3 = Ref.last(rank, s), d3 = Ref.last(rank, d), in3 = Ref.last(rank, in);
        float[] x = Ref.random(batch * in3[0] * in3[1] * in3[2] * cin, seed);
        float[] w = Ref.random(k3[0] * k3[1] * k3[2] * (cin / groups) * f, seed + 1);
        float[] b = bias ? Ref.random(f, seed + 2) : null;
        int[] out3 = new int[3];
        double[] ref = Ref.conv(x, batch, in3, cin, w, b, k3, s3, d3, mode, groups, f, out3);
        for (int i = 0; i < ref.length; i++) ref[i] = Math.max(ref[i], 0);
        int outVol = out3[0] * out3[1] * out3[2];
        if (cf) ref = Ref.toChannelsFirst(ref, batch, outVol, f);
        Window win = new Window(rank, k, s, d, Padding.ofKeras(mode), cf);
        Layer layer = conv(rank, "c", win, w, b, cin, f, groups, Activations.relu());
        Tensor xt = Ref.tensor(x, batch, in3, cin, rank, cf);
        Shape expected = Ref.shape(batch, out3, f, rank, cf);
        assertEquals(expected.dropFirst(), layer.outputShape(List.of(xt.shape().dropFirst())), what + ": outputShape");
        Ref.assertClose(what, expected, ref, layer.forward(List.of(xt)), TOL);
    }

    @Test
    void conv1dEveryPaddingStrideDilationGroup() {
        long seed = 10;
        for (boolean cf : new boolean[] {false, true})
            for (String mode : new String[] {"valid", "same", "causal"})
                for (int k : new int[] {1, 2, 3, 4})
                    for (int s : new int[] {1, 2, 3})
                        for (int d : new int[] {1, 2})
                            for (int g : new int[] {1, 2})
                                checkConv(1, cf, mode, new int[] {k}, new int[] {s}, new int[] {d}, g, 4, 6, new int[] {11}, 2, g == 1, seed++);
    }

    @Test
    void conv2dAndConv3d() {
        long seed = 100;
        for (boolean cf : new boolean[] {false, true})
            for (String mode : new String[] {"valid", "same"}) {
                checkConv(2, cf, mode, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}, 1, 3, 5, new int[] {7, 6}, 2, true, seed++);
                checkConv(2, cf, mode, new int[] {3, 3}, new int[] {1, 1}, new int[] {2, 1}, 1, 2, 4, new int[] {8, 7}, 1, false, seed++);
                checkConv(2, cf, mode, new int[] {2, 2}, new int[] {2, 2}, new int[] {1, 1}, 3, 6, 9, new int[] {6, 5}, 2, true, seed++);
                checkConv(2, cf, mode, new int[] {1, 1}, new int[] {1, 1}, new int[] {1, 1}, 1, 5, 3, new int[] {4, 3}, 2, true, seed++); // pointwise path
                checkConv(2, cf, mode, new int[] {1, 1}, new int[] {2, 2}, new int[] {1, 1}, 1, 5, 3, new int[] {5, 4}, 2, true, seed++);
                checkConv(3, cf, mode, new int[] {2, 3, 2}, new int[] {1, 2, 1}, new int[] {1, 1, 2}, 1, 2, 3, new int[] {4, 5, 5}, 2, true, seed++);
                checkConv(3, cf, mode, new int[] {1, 2, 2}, new int[] {2, 1, 1}, new int[] {1, 1, 1}, 2, 4, 2, new int[] {3, 4, 3}, 1, true, seed++);
            }
    }

    @Test
    void manyRowBlocksAndGroups() {
        // 2 × 48 × 48 output rows of 3·3·4 columns: several im2col blocks
        checkConv(2, false, "same", new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, 2, 8, 6, new int[] {48, 48}, 2, true, 7);
    }

    @Test
    void rowwiseActivationRunsOnTheOutputsLastAxis() {
        int[] in3 = {1, 5, 4};
        float[] x = Ref.random(2 * 20 * 3, 1), w = Ref.random(9 * 3 * 4, 2), b = Ref.random(4, 3);
        int[] out3 = new int[3];
        double[] lin = Ref.conv(x, 2, in3, 3, w, b, new int[] {1, 3, 3}, new int[] {1, 1, 1}, new int[] {1, 1, 1}, "same", 1, 4, out3);
        for (boolean cf : new boolean[] {false, true}) {
            double[] y = cf ? Ref.toChannelsFirst(lin, 2, 20, 4) : lin.clone();
            int width = cf ? 4 : 4; // channels_last: channels; channels_first: the w axis (4 wide too)
            for (int r = 0; r < y.length / width; r++) { // softmax over the last axis
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int i = 0; i < width; i++) max = Math.max(max, y[r * width + i]);
                for (int i = 0; i < width; i++) sum += Math.exp(y[r * width + i] - max);
                for (int i = 0; i < width; i++) y[r * width + i] = Math.exp(y[r * width + i] - max) / sum;
            }
            Layer l = new Conv2D("c", new Window(2, new int[] {3, 3}, new int[] {1, 1}, new int[] {1, 1}, Padding.SAME, cf), w, b, 3, 4, 1, Activations.softmax());
            Ref.assertClose("softmax " + (cf ? "channels_first" : "channels_last"), Ref.shape(2, out3, 4, 2, cf), y,
                    l.forward(List.of(Ref.tensor(x, 2, in3, 3, 2, cf))), 1e-5);
        }
    }

    private static void checkTranspose(int rank, boolean cf, String mode, int[] k, int[] s, int[] d, int[] op, int cin, int f, int[] in, long seed) {
        String what = "Conv" + rank + "DTranspose " + mode + " k" + java.util.Arrays.toString(k) + " s" + java.util.Arrays.toString(s) + " d"
                + java.util.Arrays.toString(d) + " op" + java.util.Arrays.toString(op) + (cf ? " channels_first" : "");
        int batch = 2;
        int[] k3 = Ref.last(rank, k), s3 = Ref.last(rank, s), d3 = Ref.last(rank, d), in3 = Ref.last(rank, in);
        int[] op3 = op == null ? null : new int[] {-1, -1, -1};
        if (op != null) System.arraycopy(op, 0, op3, 3 - rank, rank);
        float[] x = Ref.random(batch * in3[0] * in3[1] * in3[2] * cin, seed), w = Ref.random(k3[0] * k3[1] * k3[2] * f * cin, seed + 1), b = Ref.random(f, seed + 2);
        int[] out3 = new int[3];
        double[] ref = Ref.convTranspose(x, batch, in3, cin, w, b, k3, s3, d3, mode, op3, f, out3);
        if (cf) ref = Ref.toChannelsFirst(ref, batch, out3[0] * out3[1] * out3[2], f);
        Window win = new Window(rank, k, s, d, Padding.ofKeras(mode), cf);
        Layer l = switch (rank) {
            case 1 -> new Conv1DTranspose("t", win, op, w, b, cin, f, null);
            case 2 -> new Conv2DTranspose("t", win, op, w, b, cin, f, null);
            default -> new Conv3DTranspose("t", win, op, w, b, cin, f, null);
        };
        Tensor xt = Ref.tensor(x, batch, in3, cin, rank, cf);
        Shape expected = Ref.shape(batch, out3, f, rank, cf);
        assertEquals(expected.dropFirst(), l.outputShape(List.of(xt.shape().dropFirst())), what + ": outputShape");
        Ref.assertClose(what, expected, ref, l.forward(List.of(xt)), TOL);
    }

    @Test
    void transposedEveryPaddingStrideDilationAndOutputPadding() {
        long seed = 300;
        for (boolean cf : new boolean[] {false, true})
            for (String mode : new String[] {"valid", "same"})
                for (int k : new int[] {1, 2, 3, 4})
                    for (int s : new int[] {1, 2, 3}) {
                        checkTranspose(1, cf, mode, new int[] {k}, new int[] {s}, new int[] {1}, null, 3, 2, new int[] {5}, seed++);
                        for (int p = 0; p < s; p++) checkTranspose(1, cf, mode, new int[] {k}, new int[] {s}, new int[] {1}, new int[] {p}, 3, 2, new int[] {5}, seed++);
                    }
        for (boolean cf : new boolean[] {false, true})
            for (String mode : new String[] {"valid", "same"}) {
                checkTranspose(1, cf, mode, new int[] {3}, new int[] {1}, new int[] {2}, null, 2, 3, new int[] {6}, seed++);
                checkTranspose(2, cf, mode, new int[] {3, 2}, new int[] {2, 1}, new int[] {1, 1}, null, 3, 4, new int[] {4, 5}, seed++);
                checkTranspose(2, cf, mode, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, new int[] {1, 0}, 2, 3, new int[] {3, 4}, seed++);
                checkTranspose(3, cf, mode, new int[] {2, 2, 3}, new int[] {2, 1, 2}, new int[] {1, 1, 1}, new int[] {1, 0, 1}, 2, 2, new int[] {2, 3, 3}, seed++);
            }
    }

    @Test
    void transposeIsTheAdjointOfTheConvolution() {
        // <conv(z), x> = <convT(x), z>: convT maps n cells to L, the convolution (same kernel array) maps L back to n
        long seed = 900;
        for (String mode : new String[] {"valid", "same"})
            for (int k : new int[] {1, 2, 3, 5})
                for (int s : new int[] {1, 2, 3})
                    for (int d : new int[] {1, 2}) {
                        int n = 5, cin = 2, f = 3;
                        Window w = new Window(1, new int[] {k}, new int[] {s}, new int[] {d}, Padding.ofKeras(mode), false);
                        float[] kernel = Ref.random(k * f * cin, seed++), x = Ref.random(n * cin, seed++);
                        Layer t = new Conv1DTranspose("t", w, null, kernel, null, cin, f, null);
                        int len = t.outputShape(List.of(Shape.of(n, cin))).dim(0);
                        Layer c = new Conv1D("c", w, kernel, null, f, cin, 1, null);
                        assertEquals(Shape.of(n, cin), c.outputShape(List.of(Shape.of(len, f))), mode + " k" + k + " s" + s + " d" + d + ": round trip");
                        float[] z = Ref.random(len * f, seed++);
                        float[] tx = t.forward(List.of(new Tensor(Shape.of(1, n, cin), x))).data(), cz = c.forward(List.of(new Tensor(Shape.of(1, len, f), z))).data();
                        double a = 0, b = 0;
                        for (int i = 0; i < tx.length; i++) a += (double) tx[i] * z[i];
                        for (int i = 0; i < cz.length; i++) b += (double) cz[i] * x[i];
                        assertEquals(b, a, 1e-4 * (1 + Math.abs(b)), mode + " k" + k + " s" + s + " d" + d);
                    }
    }

    @Test
    void depthwiseAndSeparable() {
        long seed = 500;
        for (int rank : new int[] {1, 2})
            for (boolean cf : new boolean[] {false, true})
                for (String mode : new String[] {"valid", "same"})
                    for (int mult : new int[] {1, 2}) {
                        int cin = 3, batch = 2, f = 4;
                        int[] k = rank == 1 ? new int[] {3} : new int[] {3, 2}, s = rank == 1 ? new int[] {2} : new int[] {1, 2};
                        int[] d = rank == 1 ? new int[] {1} : new int[] {2, 1}, in = rank == 1 ? new int[] {9} : new int[] {7, 6};
                        int[] k3 = Ref.last(rank, k), s3 = Ref.last(rank, s), d3 = Ref.last(rank, d), in3 = Ref.last(rank, in);
                        float[] x = Ref.random(batch * in3[0] * in3[1] * in3[2] * cin, seed++);
                        float[] dw = Ref.random(k3[0] * k3[1] * k3[2] * cin * mult, seed++), b = Ref.random(cin * mult, seed++);
                        // depthwise = a grouped conv with groups = cin: kernel (k..., 1, cin·mult), output channel ci·mult + j
                        int[] out3 = new int[3];
                        double[] ref = Ref.conv(x, batch, in3, cin, dw, b, k3, s3, d3, mode, cin, cin * mult, out3);
                        int vol = out3[0] * out3[1] * out3[2];
                        String what = "DepthwiseConv" + rank + "D x" + mult + " " + mode + (cf ? " channels_first" : "");
                        Window win = new Window(rank, k, s, d, Padding.ofKeras(mode), cf);
                        Layer l = rank == 1 ? new DepthwiseConv1D("dw", win, dw, b, cin, mult, null) : new DepthwiseConv2D("dw", win, dw, b, cin, mult, null);
                        Tensor xt = Ref.tensor(x, batch, in3, cin, rank, cf);
                        Ref.assertClose(what, Ref.shape(batch, out3, cin * mult, rank, cf), cf ? Ref.toChannelsFirst(ref, batch, vol, cin * mult) : ref,
                                l.forward(List.of(xt)), TOL);

                        // separable: the depthwise part without bias, then a 1x1 conv with bias and relu
                        double[] mid = Ref.conv(x, batch, in3, cin, dw, null, k3, s3, d3, mode, cin, cin * mult, out3);
                        float[] pw = Ref.random(cin * mult * f, seed++), pb = Ref.random(f, seed++);
                        double[] sep = new double[batch * vol * f];
                        for (int r = 0; r < batch * vol; r++)
                            for (int o = 0; o < f; o++) {
                                double acc = pb[o];
                                for (int c = 0; c < cin * mult; c++) acc += mid[r * cin * mult + c] * pw[c * f + o];
                                sep[r * f + o] = Math.max(acc, 0);
                            }
                        Layer sl = rank == 1 ? new SeparableConv1D("sep", win, dw, pw, pb, cin, mult, f, Activations.relu())
                                : new SeparableConv2D("sep", win, dw, pw, pb, cin, mult, f, Activations.relu());
                        Ref.assertClose("Separable" + what.substring(9), Ref.shape(batch, out3, f, rank, cf), cf ? Ref.toChannelsFirst(sep, batch, vol, f) : sep,
                                sl.forward(List.of(xt)), TOL);
                    }
    }

    @Test
    void unknownSpatialDimsStayUnknownAndBadChannelsFail() {
        Layer l = new Conv1D("c", new Window(1, new int[] {3}, new int[] {2}, new int[] {1}, Padding.SAME, false), new float[3 * 2 * 4], null, 2, 4, 1, null);
        assertEquals(Shape.of(Shape.UNKNOWN, 4), l.outputShape(List.of(Shape.of(Shape.UNKNOWN, 2))));
        assertThrows(IllegalArgumentException.class, () -> l.outputShape(List.of(Shape.of(7, 3))));
        Layer v = new Conv1D("c", new Window(1, new int[] {3}, new int[] {1}, new int[] {1}, Padding.VALID, false), new float[3 * 2 * 4], null, 2, 4, 1, null);
        assertThrows(IllegalArgumentException.class, () -> v.outputShape(List.of(Shape.of(2, 2))), "a window wider than the input");
    }
}
