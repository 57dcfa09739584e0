package org.jkeras.runtime.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/** LayerNormalization, GroupNormalization, UnitNormalization, Rescaling and Normalization against plain loops. */
class NormalizationLayersTest {

    /** Exact layer norm over the sample axes in {@code norm} of a (batch, d0, d1, d2) array, two-pass in double. */
    private static double[] layerNorm(float[] x, int batch, int[] dims, boolean[] norm, float[] gamma, float[] beta, double eps, boolean rms) {
        int n0 = dims[0], n1 = dims[1], n2 = dims[2], sample = n0 * n1 * n2;
        double[] y = new double[x.length];
        for (int b = 0; b < batch; b++)
            for (int i0 = 0; i0 < n0; i0++)
                for (int i1 = 0; i1 < n1; i1++)
                    for (int i2 = 0; i2 < n2; i2++) {
                        int[] at = {i0, i1, i2};
                        // the group: every element agreeing with 'at' on the kept axes
                        double sum = 0, sq = 0;
                        int count = 0;
                        for (int j0 = 0; j0 < n0; j0++)
                            for (int j1 = 0; j1 < n1; j1++)
                                for (int j2 = 0; j2 < n2; j2++) {
                                    int[] q = {j0, j1, j2};
                                    boolean same = true;
                                    for (int a = 0; a < 3; a++) same &= norm[a] || q[a] == at[a];
                                    if (!same) continue;
                                    sum += x[b * sample + (j0 * n1 + j1) * n2 + j2];
                                    count++;
                                }
                        double mean = sum / count;
                        for (int j0 = 0; j0 < n0; j0++)
                            for (int j1 = 0; j1 < n1; j1++)
                                for (int j2 = 0; j2 < n2; j2++) {
                                    int[] q = {j0, j1, j2};
                                    boolean same = true;
                                    for (int a = 0; a < 3; a++) same &= norm[a] || q[a] == at[a];
                                    if (same) sq += Math.pow(x[b * sample + (j0 * n1 + j1) * n2 + j2] - mean, 2);
                                }
                        double var = sq / count;
                        int p = 0; // parameter index: C order over the normalised axes
                        for (int a = 0; a < 3; a++) if (norm[a]) p = p * dims[a] + at[a];
                        double v = x[b * sample + (i0 * n1 + i1) * n2 + i2];
                        double g = gamma == null ? 1 : gamma[p], be = beta == null ? 0 : beta[p];
                        y[b * sample + (i0 * n1 + i1) * n2 + i2] = rms ? v / Math.sqrt(var + eps) * g : (v - mean) / Math.sqrt(var + eps) * g + be;
                    }
        return y;
    }

    @Test
    void layerNormalizationAnyAxes() {
        int[] dims = {4, 3, 5};
        long seed = 1;
        for (boolean[] norm : new boolean[][] {{false, false, true}, {false, true, true}, {true, false, true}, {true, false, false}, {true, true, true}})
            for (int variant = 0; variant < 4; variant++) {
                int params = 1;
                for (int a = 0; a < 3; a++) if (norm[a]) params *= dims[a];
                boolean rms = variant == 3;
                float[] x = Ref.random(2 * 60, seed++), gamma = variant == 1 ? null : Ref.random(params, seed++), beta = variant >= 2 ? null : Ref.random(params, seed++);
                for (boolean onePass : new boolean[] {true, false}) {
                    LayerNormalization l = new LayerNormalization("ln", norm, gamma, beta, 1e-3f, rms, onePass);
                    Tensor t = new Tensor(Shape.of(2, 4, 3, 5), x);
                    assertEquals(t.shape().dropFirst(), l.outputShape(List.of(t.shape().dropFirst())));
                    Ref.assertClose("axes " + java.util.Arrays.toString(norm) + " variant " + variant + (onePass ? " one-pass" : ""), t.shape(),
                            layerNorm(x, 2, dims, norm, gamma, beta, 1e-3, rms), l.forward(List.of(t)), 1e-5);
                }
            }
    }

    @Test
    void keras3VarianceIsOnePassInFloat32() {
        // values far from 0 with a small spread: E[x²] − E[x]² in float32 loses digits, as Keras 3's moments do
        float[] x = new float[8];
        for (int i = 0; i < 8; i++) x[i] = 300f + 0.01f * i * (i % 3);
        double dsum = 0, dsq = 0;
        for (float v : x) {
            dsum += v;
            dsq += v * v;
        }
        float mean = (float) (dsum / 8), meanSq = (float) (dsq / 8);
        float var = meanSq - mean * mean;
        float inv = 1f / (float) Math.sqrt(var + 1e-3f);
        LayerNormalization k3 = new LayerNormalization("ln", new boolean[] {true}, null, null, 1e-3f, false, true);
        LayerNormalization k2 = new LayerNormalization("ln", new boolean[] {true}, null, null, 1e-3f, false, false);
        Tensor t = new Tensor(Shape.of(1, 8), x);
        float[] y3 = k3.forward(List.of(t)).data(), y2 = k2.forward(List.of(t)).data();
        boolean differ = false;
        for (int i = 0; i < 8; i++) {
            assertEquals(x[i] * inv + (-mean * inv), y3[i], 0f, "one-pass float32 formula at " + i);
            differ |= Math.abs(y3[i] - y2[i]) > 1e-4;
        }
        assertTrue(differ, "one-pass and two-pass variances must differ on these values");
    }

    @Test
    void groupNormalization() {
        int batch = 2, h = 3, w = 2, c = 6, groups = 3;
        float[] x = Ref.random(batch * h * w * c, 5), gamma = Ref.random(c, 6), beta = Ref.random(c, 7);
        double[] ref = new double[x.length];
        int per = c / groups;
        for (int b = 0; b < batch; b++)
            for (int g = 0; g < groups; g++) {
                double sum = 0, sq = 0;
                int n = 0;
                for (int p = 0; p < h * w; p++) for (int ch = g * per; ch < (g + 1) * per; ch++, n++) sum += x[(b * h * w + p) * c + ch];
                double mean = sum / n;
                for (int p = 0; p < h * w; p++) for (int ch = g * per; ch < (g + 1) * per; ch++) sq += Math.pow(x[(b * h * w + p) * c + ch] - mean, 2);
                double var = sq / n;
                for (int p = 0; p < h * w; p++)
                    for (int ch = g * per; ch < (g + 1) * per; ch++) {
                        int i = (b * h * w + p) * c + ch;
                        ref[i] = (x[i] - mean) / Math.sqrt(var + 1e-3) * gamma[ch] + beta[ch];
                    }
            }
        GroupNormalization l = new GroupNormalization("gn", 2, c, groups, gamma, beta, 1e-3f);
        Tensor t = new Tensor(Shape.of(batch, h, w, c), x);
        Ref.assertClose("GroupNormalization", t.shape(), ref, l.forward(List.of(t)), 1e-5);
        // channels first: axis 1
        GroupNormalization cf = new GroupNormalization("gn", 0, c, groups, gamma, beta, 1e-3f);
        Tensor tcf = new Tensor(Shape.of(batch, c, h * w), Ref.toChannelsFirst(x, batch, h * w, c));
        Ref.assertClose("GroupNormalization channels first", tcf.shape(), Ref.toChannelsFirst(ref, batch, h * w, c), cf.forward(List.of(tcf)), 1e-5);
    }

    @Test
    void unitNormalizationRescalingNormalization() {
        float[] x = Ref.random(2 * 3 * 4, 9);
        Tensor t = new Tensor(Shape.of(2, 3, 4), x);
        double[] unit = new double[x.length];
        for (int b = 0; b < 2; b++)
            for (int j = 0; j < 4; j++) { // over axis 1 (the 3)
                double sq = 0;
                for (int i = 0; i < 3; i++) sq += x[(b * 3 + i) * 4 + j] * x[(b * 3 + i) * 4 + j];
                for (int i = 0; i < 3; i++) unit[(b * 3 + i) * 4 + j] = x[(b * 3 + i) * 4 + j] / Math.sqrt(Math.max(sq, 1e-12));
            }
        Ref.assertClose("UnitNormalization axis 1", t.shape(), unit, new UnitNormalization("u", new boolean[] {true, false}).forward(List.of(t)), 1e-6);

        float[] scale = {0.5f, -2f, 3f, 1f};
        double[] resc = new double[x.length];
        for (int i = 0; i < x.length; i++) resc[i] = x[i] * scale[i % 4] + 0.25;
        Ref.assertClose("Rescaling", t.shape(), resc, new Rescaling("r", scale, new int[] {4}, new float[] {0.25f}, new int[0]).forward(List.of(t)), 1e-6);

        float[] mean = {1f, 2f, -1f}, variance = {4f, 0f, 0.25f}; // kept axis 1; variance 0 divides by 1e-7
        double[] norm = new double[x.length], inv = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = i / 4 % 3;
            double std = Math.max(Math.sqrt(variance[k]), 1e-7);
            norm[i] = (x[i] - mean[k]) / std;
            inv[i] = mean[k] + x[i] * std;
        }
        Ref.assertClose("Normalization", t.shape(), norm, new Normalization("n", mean, variance, new int[] {3, 1}, false).forward(List.of(t)), 1e-6);
        Ref.assertClose("Normalization invert", t.shape(), inv, new Normalization("n", mean, variance, new int[] {3, 1}, true).forward(List.of(t)), 1e-6);
    }

    /**
     * The last-axis loop against the general one: on (batch, 1, n), normalising axes (1, 2) takes the general path and
     * axis 2 alone the last-axis one; the groups are the same rows, so every output bit must agree, in each variance
     * and scaling mode.
     */
    @org.junit.jupiter.api.Test
    void lastAxisPathEqualsTheGeneralPath() {
        for (int n : new int[] {37, 39, 256}) lastAxisPathEqualsTheGeneralPath(n); // 1 and 3 elements past the 4 partial sums
    }

    private static void lastAxisPathEqualsTheGeneralPath(int n) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(9 + n);
        float[] x = new float[5 * n], gamma = new float[n], beta = new float[n];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble(-3, 5);
        for (int i = 0; i < n; i++) {
            gamma[i] = (float) r.nextDouble(0.5, 1.5);
            beta[i] = (float) r.nextDouble(-1, 1);
        }
        Tensor t = new Tensor(org.jkeras.runtime.Shape.of(5, 1, n), x);
        for (boolean rms : new boolean[] {false, true}) {
            for (boolean onePass : new boolean[] {false, true}) {
                float[] g = new LayerNormalization("g", new boolean[] {true, true}, gamma, rms ? null : beta, 1e-3f, rms, onePass).forward(List.of(t)).data();
                float[] l = new LayerNormalization("l", new boolean[] {false, true}, gamma, rms ? null : beta, 1e-3f, rms, onePass).forward(List.of(t)).data();
                for (int i = 0; i < g.length; i++) {
                    assertEquals(Float.floatToIntBits(g[i]), Float.floatToIntBits(l[i]), "n " + n + " rms " + rms + " one pass " + onePass + " element " + i);
                }
            }
        }
    }
}
