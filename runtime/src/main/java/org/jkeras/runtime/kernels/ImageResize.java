package org.jkeras.runtime.kernels;

/**
 * TensorFlow's {@code tf.image.resize(images, size, method, antialias=False)} of channels-last images
 * {@code (batch, h, w, c)}, as its CPU kernels compute it with {@code half_pixel_centers=True}, in float32. The scale of
 * an axis is {@code in / (float) out}.
 * <ul>
 * <li>bilinear ({@code ResizeBilinear}): source {@code s = (o + 0.5)·scale − 0.5}, cells {@code max(floor s, 0)} and
 * {@code min(ceil s, n − 1)}, weight {@code s − floor s}; {@code top = tl + (tr − tl)·dx},
 * {@code bottom = bl + (br − bl)·dx}, {@code top + (bottom − top)·dy}.</li>
 * <li>nearest ({@code ResizeNearestNeighbor}): cell {@code clamp(floor((o + 0.5)·scale), 0, n − 1)}.</li>
 * <li>bicubic ({@code ResizeBicubic}): Keys' cubic with a = −0.5 sampled from TensorFlow's 1025-entry table at
 * {@code lrint(frac · 1024)}; taps outside the image get weight 0 and the rest are renormalised; rows are
 * interpolated first (along y at each of the four x taps), then along x, each as {@code v0·w0 + v1·w1 + v2·w2 + v3·w3}.</li>
 * </ul>
 */
public final class ImageResize {
    /** The {@code interpolation} methods computed here. */
    public enum Method { BILINEAR, NEAREST, BICUBIC }

    private static final int TABLE = 1024;
    private static final float[] KEYS = coefficients(-0.5);

    private ImageResize() {
    }

    /** Resizes {@code in} of shape (batch, h, w, c) to (batch, oh, ow, c). */
    public static float[] resize(float[] in, int batch, int h, int w, int c, int oh, int ow, Method method) {
        float[] out = new float[Math.multiplyExact(Math.multiplyExact(batch, oh), Math.multiplyExact(ow, c))];
        float sy = (float) h / oh, sx = (float) w / ow;
        switch (method) {
            case NEAREST -> {
                int[] ys = new int[oh], xs = new int[ow];
                for (int y = 0; y < oh; y++) ys[y] = Math.max(0, Math.min((int) Math.floor((y + 0.5f) * sy), h - 1));
                for (int x = 0; x < ow; x++) xs[x] = Math.max(0, Math.min((int) Math.floor((x + 0.5f) * sx), w - 1));
                for (int b = 0, o = 0; b < batch; b++) {
                    for (int y = 0; y < oh; y++) {
                        for (int x = 0; x < ow; x++, o += c) System.arraycopy(in, ((b * h + ys[y]) * w + xs[x]) * c, out, o, c);
                    }
                }
            }
            case BILINEAR -> {
                Lerp[] ly = lerps(oh, h, sy), lx = lerps(ow, w, sx);
                for (int b = 0, o = 0; b < batch; b++) {
                    for (int y = 0; y < oh; y++) {
                        int top = (b * h + ly[y].lo) * w, bot = (b * h + ly[y].hi) * w;
                        float dy = ly[y].t;
                        for (int x = 0; x < ow; x++) {
                            int l = lx[x].lo * c, r = lx[x].hi * c;
                            float dx = lx[x].t;
                            for (int k = 0; k < c; k++, o++) {
                                float tl = in[top * c + l + k], tr = in[top * c + r + k], bl = in[bot * c + l + k], br = in[bot * c + r + k];
                                float t = tl + (tr - tl) * dx, bo = bl + (br - bl) * dx;
                                out[o] = t + (bo - t) * dy;
                            }
                        }
                    }
                }
            }
            case BICUBIC -> {
                Cubic[] cy = cubics(oh, h, sy), cx = cubics(ow, w, sx);
                float[] col = new float[4];
                for (int b = 0, o = 0; b < batch; b++) {
                    for (int y = 0; y < oh; y++) {
                        Cubic wy = cy[y];
                        for (int x = 0; x < ow; x++) {
                            Cubic wx = cx[x];
                            for (int k = 0; k < c; k++, o++) {
                                for (int j = 0; j < 4; j++) {
                                    int base = wx.index[j] * c + k;
                                    col[j] = in[((b * h + wy.index[0]) * w) * c + base] * wy.weight[0]
                                            + in[((b * h + wy.index[1]) * w) * c + base] * wy.weight[1]
                                            + in[((b * h + wy.index[2]) * w) * c + base] * wy.weight[2]
                                            + in[((b * h + wy.index[3]) * w) * c + base] * wy.weight[3];
                                }
                                out[o] = col[0] * wx.weight[0] + col[1] * wx.weight[1] + col[2] * wx.weight[2] + col[3] * wx.weight[3];
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private record Lerp(int lo, int hi, float t) {
    }

    private static Lerp[] lerps(int out, int n, float scale) {
        Lerp[] l = new Lerp[out];
        for (int o = 0; o < out; o++) {
            float s = (o + 0.5f) * scale - 0.5f;
            float f = (float) Math.floor(s);
            l[o] = new Lerp(Math.max((int) f, 0), Math.min((int) Math.ceil(s), n - 1), s - f);
        }
        return l;
    }

    private record Cubic(int[] index, float[] weight) {
    }

    private static Cubic[] cubics(int out, int n, float scale) {
        Cubic[] r = new Cubic[out];
        for (int o = 0; o < out; o++) {
            float s = (o + 0.5f) * scale - 0.5f;
            long at = (long) Math.floor(s);
            float delta = s - at;
            int off = (int) Math.rint(delta * TABLE);
            float[] wt = {KEYS[off * 2 + 1], KEYS[off * 2], KEYS[(TABLE - off) * 2], KEYS[(TABLE - off) * 2 + 1]};
            int[] idx = new int[4];
            for (int j = 0; j < 4; j++) {
                long want = at - 1 + j;
                idx[j] = (int) Math.min(n - 1, Math.max(0, want));
                if (idx[j] != want) wt[j] = 0f; // outside the image
            }
            float sum = wt[0] + wt[1] + wt[2] + wt[3];
            if (Math.abs(sum) >= 1000.0f * Float.MIN_NORMAL) {
                float inv = 1.0f / sum;
                for (int j = 0; j < 4; j++) wt[j] *= inv;
            }
            r[o] = new Cubic(idx, wt);
        }
        return r;
    }

    /** TensorFlow's {@code InitCoeffsTable(a)}: entry 2i the weight at distance i/1024, entry 2i+1 at 1 + i/1024. */
    private static float[] coefficients(double a) {
        float[] t = new float[(TABLE + 1) * 2];
        for (int i = 0; i <= TABLE; i++) {
            float x = (float) (i * 1.0 / TABLE);
            t[i * 2] = (float) (((a + 2) * x - (a + 3)) * x * x + 1);
            x = (float) (x + 1.0);
            t[i * 2 + 1] = (float) (((a * x - 5 * a) * x + 8 * a) * x - 4 * a);
        }
        return t;
    }
}
