package org.jkeras.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.jkeras.runtime.Layer;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.Padding;
import org.jkeras.runtime.kernels.Window;

/** Pooling, global pooling, padding, cropping and up-sampling against plain loops, both data formats. */
class PoolingLayersTest {

    /** TensorFlow pooling: the window's real cells only (max, or sum / count). */
    private static double[] pool(float[] x, int batch, int[] in, int c, int[] p, int[] s, String mode, boolean max, int[] out) {
        int[] pad = new int[3];
        for (int a = 0; a < 3; a++) {
            int[] op = Ref.outPad(mode, in[a], p[a], s[a]);
            out[a] = op[0];
            pad[a] = op[1];
        }
        double[] y = new double[batch * out[0] * out[1] * out[2] * c];
        for (int n = 0; n < batch; n++)
            for (int oz = 0; oz < out[0]; oz++)
                for (int oy = 0; oy < out[1]; oy++)
                    for (int ox = 0; ox < out[2]; ox++)
                        for (int ch = 0; ch < c; ch++) {
                            double acc = max ? Double.NEGATIVE_INFINITY : 0;
                            int count = 0;
                            for (int jz = 0; jz < p[0]; jz++)
                                for (int jy = 0; jy < p[1]; jy++)
                                    for (int jx = 0; jx < p[2]; jx++) {
                                        int iz = oz * s[0] - pad[0] + jz, iy = oy * s[1] - pad[1] + jy, ix = ox * s[2] - pad[2] + jx;
                                        if (iz < 0 || iz >= in[0] || iy < 0 || iy >= in[1] || ix < 0 || ix >= in[2]) continue;
                                        double v = x[(((n * in[0] + iz) * in[1] + iy) * in[2] + ix) * c + ch];
                                        acc = max ? Math.max(acc, v) : acc + v;
                                        count++;
                                    }
                            y[(((n * out[0] + oz) * out[1] + oy) * out[2] + ox) * c + ch] = max ? acc : acc / count;
                        }
        return y;
    }

    @Test
    void maxAndAveragePoolingEveryRankAndFormat() {
        long seed = 1;
        for (int rank = 1; rank <= 3; rank++)
            for (boolean cf : new boolean[] {false, true})
                for (String mode : new String[] {"valid", "same"})
                    for (boolean max : new boolean[] {true, false})
                        for (int[] ps : new int[][] {{2, 2}, {3, 2}, {3, 1}, {2, 3}}) {
                            int batch = 2, c = 3;
                            int[] in = rank == 1 ? new int[] {10} : rank == 2 ? new int[] {7, 6} : new int[] {5, 4, 5};
                            int[] pool = new int[rank], stride = new int[rank];
                            for (int a = 0; a < rank; a++) {
                                pool[a] = ps[0] - (a % 2);
                                stride[a] = ps[1];
                            }
                            int[] in3 = Ref.last(rank, in), p3 = Ref.last(rank, pool), s3 = Ref.last(rank, stride), out3 = new int[3];
                            float[] x = Ref.random(batch * in3[0] * in3[1] * in3[2] * c, seed++);
                            double[] ref = pool(x, batch, in3, c, p3, s3, mode, max, out3);
                            Window w = new Window(rank, pool, stride, Ref.head(new int[] {1, 1, 1}, rank), Padding.ofKeras(mode), cf);
                            Layer l = switch (rank * 2 + (max ? 1 : 0)) {
                                case 3 -> new MaxPooling1D("p", w);
                                case 2 -> new AveragePooling1D("p", w);
                                case 5 -> new MaxPooling2D("p", w);
                                case 4 -> new AveragePooling2D("p", w);
                                case 7 -> new MaxPooling3D("p", w);
                                default -> new AveragePooling3D("p", w);
                            };
                            String what = l.kerasClass() + " " + mode + " pool" + java.util.Arrays.toString(pool) + " s" + java.util.Arrays.toString(stride)
                                    + (cf ? " channels_first" : "");
                            Tensor xt = Ref.tensor(x, batch, in3, c, rank, cf);
                            Shape expected = Ref.shape(batch, out3, c, rank, cf);
                            assertEquals(expected.dropFirst(), l.outputShape(List.of(xt.shape().dropFirst())), what);
                            Ref.assertClose(what, expected, cf ? Ref.toChannelsFirst(ref, batch, out3[0] * out3[1] * out3[2], c) : ref, l.forward(List.of(xt)), 1e-6);
                        }
    }

    @Test
    void theanoSamePoolingWindowsStartAtPadBefore() {
        // Keras 2 theano: pad = p - 1 for even p (p - 2 for odd p > 2) on both sides, then cropped to ceil(n / s)
        float[] x = {1, 5, 2, 8, 3, 0, 7}; // (1, 7, 1)
        Layer l = new MaxPooling1D("p", new Window(1, new int[] {2}, new int[] {2}, new int[] {1}, Padding.THEANO_SAME_POOL, false));
        // windows [-1, 0], [1, 2], [3, 4], [5, 6]
        float[] y = l.forward(List.of(new Tensor(Shape.of(1, 7, 1), x))).data();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {1, 5, 8, 7}, y);
    }

    @Test
    void globalPoolingKeepdimsAndFormats() {
        long seed = 50;
        for (int rank = 1; rank <= 3; rank++)
            for (boolean cf : new boolean[] {false, true})
                for (boolean keep : new boolean[] {false, true})
                    for (boolean max : new boolean[] {true, false}) {
                        int batch = 2, c = 3;
                        int[] in3 = Ref.last(rank, rank == 1 ? new int[] {6} : rank == 2 ? new int[] {4, 5} : new int[] {2, 3, 4});
                        int vol = in3[0] * in3[1] * in3[2];
                        float[] x = Ref.random(batch * vol * c, seed++);
                        double[] ref = new double[batch * c];
                        for (int n = 0; n < batch; n++)
                            for (int ch = 0; ch < c; ch++) {
                                double acc = max ? Double.NEGATIVE_INFINITY : 0;
                                for (int p = 0; p < vol; p++) acc = max ? Math.max(acc, x[(n * vol + p) * c + ch]) : acc + x[(n * vol + p) * c + ch];
                                ref[n * c + ch] = max ? acc : acc / vol;
                            }
                        Layer l = switch (rank * 2 + (max ? 1 : 0)) {
                            case 3 -> new GlobalMaxPooling1D("g", cf, keep);
                            case 2 -> new GlobalAveragePooling1D("g", cf, keep);
                            case 5 -> new GlobalMaxPooling2D("g", cf, keep);
                            case 4 -> new GlobalAveragePooling2D("g", cf, keep);
                            case 7 -> new GlobalMaxPooling3D("g", cf, keep);
                            default -> new GlobalAveragePooling3D("g", cf, keep);
                        };
                        Shape expected = keep ? Ref.shape(batch, new int[] {1, 1, 1}, c, rank, cf) : Shape.of(batch, c);
                        Tensor xt = Ref.tensor(x, batch, in3, c, rank, cf);
                        assertEquals(expected.dropFirst(), l.outputShape(List.of(xt.shape().dropFirst())));
                        Ref.assertClose(l.kerasClass() + (cf ? " cf" : "") + (keep ? " keepdims" : ""), expected, ref, l.forward(List.of(xt)), 1e-6);
                    }
    }

    @Test
    void zeroPaddingAndCropping() {
        long seed = 70;
        for (int rank = 1; rank <= 3; rank++)
            for (boolean cf : new boolean[] {false, true}) {
                int batch = 2, c = 2;
                int[] in3 = Ref.last(rank, rank == 1 ? new int[] {5} : rank == 2 ? new int[] {4, 5} : new int[] {3, 4, 3});
                int[] before = Ref.head(new int[] {1, 2, 0}, rank), after = Ref.head(new int[] {2, 0, 1}, rank);
                int[] b3 = new int[3], a3 = new int[3]; // no padding on the unused leading axes
                System.arraycopy(before, 0, b3, 3 - rank, rank);
                System.arraycopy(after, 0, a3, 3 - rank, rank);
                float[] x = Ref.random(batch * in3[0] * in3[1] * in3[2] * c, seed++);
                int[] out3 = new int[3];
                for (int a = 0; a < 3; a++) out3[a] = in3[a] + b3[a] + a3[a];
                double[] pad = new double[batch * out3[0] * out3[1] * out3[2] * c];
                for (int n = 0; n < batch; n++)
                    for (int z = 0; z < in3[0]; z++)
                        for (int y = 0; y < in3[1]; y++)
                            for (int xx = 0; xx < in3[2]; xx++)
                                for (int ch = 0; ch < c; ch++)
                                    pad[(((n * out3[0] + z + b3[0]) * out3[1] + y + b3[1]) * out3[2] + xx + b3[2]) * c + ch] =
                                            x[(((n * in3[0] + z) * in3[1] + y) * in3[2] + xx) * c + ch];
                Layer zp = rank == 1 ? new ZeroPadding1D("z", cf, before, after) : rank == 2 ? new ZeroPadding2D("z", cf, before, after) : new ZeroPadding3D("z", cf, before, after);
                Tensor xt = Ref.tensor(x, batch, in3, c, rank, cf);
                Tensor padded = zp.forward(List.of(xt));
                Ref.assertClose(zp.kerasClass() + (cf ? " cf" : ""), Ref.shape(batch, out3, c, rank, cf),
                        cf ? Ref.toChannelsFirst(pad, batch, out3[0] * out3[1] * out3[2], c) : pad, padded, 0);
                // cropping the same amounts gives the input back
                Layer cr = rank == 1 ? new Cropping1D("c", cf, before, after) : rank == 2 ? new Cropping2D("c", cf, before, after) : new Cropping3D("c", cf, before, after);
                assertEquals(xt.shape().dropFirst(), cr.outputShape(List.of(padded.shape().dropFirst())));
                org.junit.jupiter.api.Assertions.assertArrayEquals(xt.data(), cr.forward(List.of(padded)).data(), cr.kerasClass() + (cf ? " cf" : ""));
            }
    }

    @Test
    void upSamplingNearestAndBilinear() {
        long seed = 90;
        for (int rank = 1; rank <= 3; rank++)
            for (boolean cf : new boolean[] {false, true}) {
                int batch = 2, c = 2;
                int[] in3 = Ref.last(rank, rank == 1 ? new int[] {4} : rank == 2 ? new int[] {3, 4} : new int[] {2, 3, 2});
                int[] size = Ref.head(new int[] {2, 3, 2}, rank), s3 = Ref.last(rank, size);
                int[] out3 = {in3[0] * s3[0], in3[1] * s3[1], in3[2] * s3[2]};
                float[] x = Ref.random(batch * in3[0] * in3[1] * in3[2] * c, seed++);
                double[] ref = new double[batch * out3[0] * out3[1] * out3[2] * c];
                for (int n = 0; n < batch; n++)
                    for (int z = 0; z < out3[0]; z++)
                        for (int y = 0; y < out3[1]; y++)
                            for (int xx = 0; xx < out3[2]; xx++)
                                for (int ch = 0; ch < c; ch++)
                                    ref[(((n * out3[0] + z) * out3[1] + y) * out3[2] + xx) * c + ch] =
                                            x[(((n * in3[0] + z / s3[0]) * in3[1] + y / s3[1]) * in3[2] + xx / s3[2]) * c + ch];
                Layer l = rank == 1 ? new UpSampling1D("u", cf, size, BaseUpSampling.Interpolation.NEAREST)
                        : rank == 2 ? new UpSampling2D("u", cf, size, BaseUpSampling.Interpolation.NEAREST) : new UpSampling3D("u", cf, size, BaseUpSampling.Interpolation.NEAREST);
                Ref.assertClose(l.kerasClass() + (cf ? " cf" : ""), Ref.shape(batch, out3, c, rank, cf),
                        cf ? Ref.toChannelsFirst(ref, batch, out3[0] * out3[1] * out3[2], c) : ref, l.forward(List.of(Ref.tensor(x, batch, in3, c, rank, cf))), 0);
            }
        // bilinear, 2-D: half-pixel (TF2 / Keras 3) and legacy (Keras 2 resize_bilinear) source coordinates
        for (boolean legacy : new boolean[] {false, true})
            for (boolean cf : new boolean[] {false, true}) {
                int batch = 1, c = 2, h = 3, w = 4, sh = 2, sw = 3;
                float[] x = Ref.random(batch * h * w * c, 7);
                double[] ref = new double[batch * h * sh * w * sw * c];
                for (int y = 0; y < h * sh; y++)
                    for (int xx = 0; xx < w * sw; xx++)
                        for (int ch = 0; ch < c; ch++) {
                            double sy = legacy ? y / (double) sh : Math.max((y + 0.5) / sh - 0.5, 0), sx = legacy ? xx / (double) sw : Math.max((xx + 0.5) / sw - 0.5, 0);
                            int y0 = (int) sy, x0 = (int) sx, y1 = Math.min(y0 + 1, h - 1), x1 = Math.min(x0 + 1, w - 1);
                            double ty = sy - y0, tx = sx - x0;
                            double top = x[(y0 * w + x0) * c + ch] * (1 - tx) + x[(y0 * w + x1) * c + ch] * tx;
                            double bot = x[(y1 * w + x0) * c + ch] * (1 - tx) + x[(y1 * w + x1) * c + ch] * tx;
                            ref[((y * w * sw) + xx) * c + ch] = top * (1 - ty) + bot * ty;
                        }
                Layer l = new UpSampling2D("u", cf, new int[] {sh, sw}, legacy ? BaseUpSampling.Interpolation.BILINEAR_LEGACY : BaseUpSampling.Interpolation.BILINEAR);
                int[] in3 = {1, h, w}, out3 = {1, h * sh, w * sw};
                Ref.assertClose("bilinear" + (legacy ? " legacy" : "") + (cf ? " cf" : ""), Ref.shape(batch, out3, c, 2, cf),
                        cf ? Ref.toChannelsFirst(ref, batch, h * sh * w * sw, c) : ref, l.forward(List.of(Ref.tensor(x, batch, in3, c, 2, cf))), 1e-5);
            }
    }

    @Test
    void centerCropTakesTheMiddle() {
        // (1, 5, 6, 1) -> 3x3: rows from int(2 / 2) = 1, columns from int(3 / 2) = 1
        float[] x = new float[30];
        for (int i = 0; i < 30; i++) x[i] = i;
        Layer l = new CenterCrop("cc", false, 3, 3);
        Tensor y = l.forward(List.of(new Tensor(Shape.of(1, 5, 6, 1), x)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {1, 3, 3, 1}, y.shape().dims());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new float[] {7, 8, 9, 13, 14, 15, 19, 20, 21}, y.data());
    }
}
