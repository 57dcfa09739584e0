package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.assertClose;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.jkeras.runtime.Mask;
import org.jkeras.runtime.PredictException;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.DenseKernel;
import org.junit.jupiter.api.Test;

/** Embedding, Masking, TimeDistributed and the attention layers against their Keras formulas written out in double. */
class SequenceLayersTest {
    static final double TOL = 2e-5;

    static float[] rand(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    @Test
    void embeddingLooksUpRowsTruncatesAndMasksZero() {
        float[] table = new float[5 * 2];
        for (int i = 0; i < table.length; i++) table[i] = i;
        Embedding e = new Embedding("emb", 5, 2, table, true);
        Tensor idx = tensor(new float[] {0, 3, 4.9f, 1, 2, 0}, 2, 3);
        Tensor out = run(e, idx);
        assertTrue(Arrays.equals(new float[] {0, 1, 6, 7, 8, 9, 2, 3, 4, 5, 0, 1}, out.data()), Arrays.toString(out.data()));
        Mask m = e.outputMask(List.of(idx), Arrays.asList((Mask) null));
        assertFalse(m.keep(0, 0));
        assertTrue(m.keep(0, 1));
        assertFalse(m.keep(1, 2));
        PredictException ex = assertThrows(PredictException.class, () -> e.forward(List.of(tensor(new float[] {1, 5}, 1, 2))));
        assertTrue(ex.getMessage().contains("'emb'") && ex.getMessage().contains("5.0"), ex.getMessage());
        assertThrows(PredictException.class, () -> e.forward(List.of(tensor(new float[] {-1}, 1, 1))));
        assertThrows(PredictException.class, () -> e.forward(List.of(tensor(new float[] {Float.NaN}, 1, 1))));
        assertNull(new Embedding("e2", 5, 2, table, false).outputMask(List.of(idx), Arrays.asList((Mask) null)));
    }

    @Test
    void maskingZeroesAndMasksStepsEqualToTheValue() {
        Masking m = new Masking("mask", -1f);
        Tensor x = tensor(new float[] {-1, -1, 2, -1, 3, 4}, 1, 3, 2);
        Tensor out = run(m, x);
        // Keras computes inputs * cast(mask): a masked -1 becomes -0.0, as here
        assertTrue(Arrays.equals(new float[] {-0f, -0f, 2, -1, 3, 4}, out.data()), Arrays.toString(out.data()));
        Mask mask = m.outputMask(List.of(x), Arrays.asList((Mask) null));
        assertFalse(mask.keep(0, 0));
        assertTrue(mask.keep(0, 1));
        assertTrue(mask.keep(0, 2));
    }

    @Test
    void timeDistributedDenseOnEveryStep() {
        Random r = new Random(1);
        int batch = 2, steps = 3, f = 4, u = 5;
        float[] w = rand(r, f * u), b = rand(r, u), x = rand(r, batch * steps * f);
        TimeDistributed td = new TimeDistributed("td", new Dense("d", DenseKernel.pack(w, b, f, u, null), true, List.of()));
        Tensor out = run(td, tensor(x, batch, steps, f));
        double[] expected = new double[batch * steps * u];
        for (int i = 0; i < batch * steps; i++) {
            for (int j = 0; j < u; j++) {
                double acc = b[j];
                for (int k = 0; k < f; k++) acc += (double) x[i * f + k] * w[k * u + j];
                expected[i * u + j] = acc;
            }
        }
        assertClose(expected, out.data(), TOL);
        assertTrue(td.propagatesMask());
    }

    /** Keras' _apply_scores: softmax(scores - 1e9 · excluded) · v, zeroed at masked query rows. */
    static double[] applyScores(double[][][] scores, float[] v, int batch, int tq, int tv, int dv, boolean[][] vm, boolean[][] qm, boolean causal) {
        double[] out = new double[batch * tq * dv];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < tq; i++) {
                double[] s = scores[b][i].clone();
                double max = Double.NEGATIVE_INFINITY, sum = 0;
                for (int j = 0; j < tv; j++) {
                    if ((vm != null && !vm[b][j]) || (causal && j > i)) s[j] -= 1e9;
                    max = Math.max(max, s[j]);
                }
                for (int j = 0; j < tv; j++) sum += Math.exp(s[j] - max);
                if (qm != null && !qm[b][i]) continue;
                for (int j = 0; j < tv; j++) {
                    double p = Math.exp(s[j] - max) / sum;
                    for (int c = 0; c < dv; c++) out[(b * tq + i) * dv + c] += p * v[(b * tv + j) * dv + c];
                }
            }
        }
        return out;
    }

    static Mask mask(boolean[][] m) {
        boolean[] k = new boolean[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) for (int j = 0; j < m[0].length; j++) k[i * m[0].length + j] = m[i][j];
        return new Mask(m.length, m[0].length, k);
    }

    @Test
    void attentionDotConcatScaleMasksCausal() {
        Random r = new Random(2);
        int batch = 2, tq = 3, tv = 4, d = 5, dv = 2;
        float[] q = rand(r, batch * tq * d), k = rand(r, batch * tv * d), v = rand(r, batch * tv * dv);
        boolean[][] vm = {{true, false, true, true}, {true, true, true, false}}, qm = {{true, true, false}, {true, true, true}};
        for (boolean concat : new boolean[] {false, true}) {
            for (Float scale : new Float[] {null, 0.7f}) {
                for (boolean causal : new boolean[] {false, true}) {
                    Attention a = new Attention("att", concat, scale, 1.3f, causal, true);
                    double[][][] s = new double[batch][tq][tv];
                    for (int b = 0; b < batch; b++) for (int i = 0; i < tq; i++) for (int j = 0; j < tv; j++) {
                        double acc = 0;
                        for (int c = 0; c < d; c++) {
                            double qi = q[(b * tq + i) * d + c], kj = k[(b * tv + j) * d + c];
                            acc += concat ? Math.tanh((scale == null ? 1 : scale) * (qi + kj)) : qi * kj;
                        }
                        s[b][i][j] = concat ? 1.3 * acc : (scale == null ? 1 : scale) * acc;
                    }
                    List<Tensor> out = a.forwardAll(List.of(tensor(q, batch, tq, d), tensor(v, batch, tv, dv), tensor(k, batch, tv, d)),
                            Arrays.asList(mask(qm), mask(vm), null));
                    assertEquals(List.of(Shape.of(tq, dv), Shape.of(tq, tv)), a.outputShapes(List.of(Shape.of(tq, d), Shape.of(tv, dv), Shape.of(tv, d))));
                    assertClose(applyScores(s, v, batch, tq, tv, dv, vm, qm, causal), out.get(0).data(), TOL);
                    assertEquals(2, out.size());
                }
            }
        }
    }

    @Test
    void additiveAttentionScaledTanhSum() {
        Random r = new Random(3);
        int batch = 2, tq = 2, tv = 3, d = 4;
        float[] q = rand(r, batch * tq * d), v = rand(r, batch * tv * d), scale = rand(r, d);
        AdditiveAttention a = new AdditiveAttention("add", scale, false, false);
        Tensor out = run(a, tensor(q, batch, tq, d), tensor(v, batch, tv, d));
        double[][][] s = new double[batch][tq][tv];
        for (int b = 0; b < batch; b++) for (int i = 0; i < tq; i++) for (int j = 0; j < tv; j++) {
            for (int c = 0; c < d; c++) s[b][i][j] += scale[c] * Math.tanh(q[(b * tq + i) * d + c] + v[(b * tv + j) * d + c]);
        }
        assertClose(applyScores(s, v, batch, tq, tv, d, null, null, false), out.data(), TOL);
    }

    /** MultiHeadAttention in double: projections, per-head scaled dot product, softmax over keys, output projection. */
    @Test
    void multiHeadAttentionCrossWithMasksAndOutputShape() {
        Random r = new Random(4);
        int batch = 2, tq = 3, ts = 4, fq = 5, fv = 3, heads = 2, kd = 3, vd = 2, out = 4;
        float[] wq = rand(r, fq * heads * kd), bq = rand(r, heads * kd), wk = rand(r, fv * heads * kd), bk = rand(r, heads * kd);
        float[] wv = rand(r, fv * heads * vd), bv = rand(r, heads * vd), wo = rand(r, heads * vd * out), bo = rand(r, out);
        float[] q = rand(r, batch * tq * fq), v = rand(r, batch * ts * fv);
        boolean[][] vm = {{true, true, false, true}, {false, true, true, true}};
        boolean[][] qm = {{true, false, true}, {true, true, true}};
        MultiHeadAttention mha = new MultiHeadAttention("mha", heads, kd, vd, DenseKernel.pack(wq, bq, fq, heads * kd, null),
                DenseKernel.pack(wk, bk, fv, heads * kd, null), DenseKernel.pack(wv, bv, fv, heads * vd, null), DenseKernel.pack(wo, bo, heads * vd, out, null),
                new int[] {out}, null, new MultiHeadAttention.Roles(0, 1, -1, -1), false, false, 0);
        List<Tensor> res = mha.forwardAll(List.of(tensor(q, batch, tq, fq), tensor(v, batch, ts, fv)), Arrays.asList(mask(qm), mask(vm)));
        assertEquals(Shape.of(tq, out), mha.outputShape(List.of(Shape.of(tq, fq), Shape.of(ts, fv))));
        double[] expected = new double[batch * tq * out];
        for (int b = 0; b < batch; b++) {
            double[][] qp = proj(q, b * tq, tq, fq, wq, bq, heads * kd), kp = proj(v, b * ts, ts, fv, wk, bk, heads * kd), vp = proj(v, b * ts, ts, fv, wv, bv, heads * vd);
            for (int i = 0; i < tq; i++) {
                double[] ctx = new double[heads * vd];
                for (int n = 0; n < heads; n++) {
                    double[] s = new double[ts];
                    double max = Double.NEGATIVE_INFINITY, sum = 0;
                    int allowed = 0;
                    for (int j = 0; j < ts; j++) {
                        for (int c = 0; c < kd; c++) s[j] += qp[i][n * kd + c] * kp[j][n * kd + c];
                        s[j] /= Math.sqrt(kd);
                        if (!(qm[b][i] && vm[b][j])) s[j] = Double.NaN;
                        else allowed++;
                    }
                    for (int j = 0; j < ts; j++) {
                        if (allowed == 0) s[j] = 0; // a query row with no allowed key: uniform weights
                        else if (Double.isNaN(s[j])) s[j] = Double.NEGATIVE_INFINITY;
                        max = Math.max(max, s[j]);
                    }
                    for (int j = 0; j < ts; j++) sum += Math.exp(s[j] - max);
                    for (int j = 0; j < ts; j++) for (int c = 0; c < vd; c++) ctx[n * vd + c] += Math.exp(s[j] - max) / sum * vp[j][n * vd + c];
                }
                for (int o = 0; o < out; o++) {
                    double acc = bo[o];
                    for (int c = 0; c < heads * vd; c++) acc += ctx[c] * wo[c * out + o];
                    expected[(b * tq + i) * out + o] = acc;
                }
            }
        }
        assertClose(expected, res.get(0).data(), 1e-4);
        assertEquals(mask(qm).keep(0, 1), mha.outputMask(List.of(), Arrays.asList(mask(qm), mask(vm))).keep(0, 1));
    }

    static double[][] proj(float[] x, int row0, int rows, int f, float[] w, float[] b, int width) {
        double[][] y = new double[rows][width];
        for (int i = 0; i < rows; i++) for (int j = 0; j < width; j++) {
            double acc = b[j];
            for (int k = 0; k < f; k++) acc += (double) x[(row0 + i) * f + k] * w[k * width + j];
            y[i][j] = acc;
        }
        return y;
    }

    /** attention_axes=(2,) on a (batch, a, t, f) input: axis 1 acts as a batch axis; scores come out as (batch, a, heads, t, t). */
    @Test
    void multiHeadAttentionOverOneOfTwoAxesMatchesPerSliceAttention() {
        Random r = new Random(5);
        int batch = 2, a = 3, t = 4, f = 3, heads = 2, kd = 2;
        float[] wq = rand(r, f * heads * kd), wk = rand(r, f * heads * kd), wv = rand(r, f * heads * kd), wo = rand(r, heads * kd * f);
        float[] x = rand(r, batch * a * t * f);
        MultiHeadAttention.Roles roles = new MultiHeadAttention.Roles(0, 1, -1, -1);
        MultiHeadAttention over2 = new MultiHeadAttention("m2", heads, kd, kd, DenseKernel.pack(wq, null, f, heads * kd, null), DenseKernel.pack(wk, null, f, heads * kd, null),
                DenseKernel.pack(wv, null, f, heads * kd, null), DenseKernel.pack(wo, null, heads * kd, f, null), new int[] {f}, new int[] {1}, roles, false, true, 0);
        MultiHeadAttention plain = new MultiHeadAttention("m1", heads, kd, kd, DenseKernel.pack(wq, null, f, heads * kd, null), DenseKernel.pack(wk, null, f, heads * kd, null),
                DenseKernel.pack(wv, null, f, heads * kd, null), DenseKernel.pack(wo, null, heads * kd, f, null), new int[] {f}, null, roles, false, true, 0);
        Tensor in = tensor(x, batch, a, t, f);
        List<Tensor> got = over2.forwardAll(List.of(in, in), Arrays.asList(null, null));
        assertEquals(Shape.of(batch, a, heads, t, t), got.get(1).shape());
        // each (sample, a) slice is an independent (t, f) sequence
        Tensor slices = tensor(x, batch * a, t, f);
        List<Tensor> ref = plain.forwardAll(List.of(slices, slices), Arrays.asList(null, null));
        assertClose(toDouble(ref.get(0).data()), got.get(0).data(), 1e-6);
        assertClose(toDouble(ref.get(1).data()), got.get(1).data(), 1e-6);
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
