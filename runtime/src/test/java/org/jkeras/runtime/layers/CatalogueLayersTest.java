package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.arange;
import static org.jkeras.runtime.layers.LayerTesting.assertClose;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.jkeras.activations.Activations;
import org.jkeras.activations.Semantics;
import org.jkeras.runtime.Mask;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;
import org.jkeras.runtime.kernels.DenseKernel;
import org.junit.jupiter.api.Test;

/** EinsumDense, RMSNormalization, adaptive pooling, CenterCrop's resize and GroupQueryAttention against formulas written out here. */
class CatalogueLayersTest {
    private static final Random RNG = new Random(6);

    private static float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) RNG.nextGaussian();
        return a;
    }

    @Test
    void einsumDenseBroadcastsItsBiasOverTheTrailingAxes() {
        // abc,cde->abde with bias_axes "d": bias (2, 1) is added along d, the same for every e
        float[] x = random(2 * 3 * 4), k = random(4 * 2 * 5), bias = {0.5f, -1f};
        EinsumDense l = new EinsumDense("ed", "abc,cde->abde", shape(3, 4), shape(4, 2, 5), k, bias, new int[] {2, 1}, Activations.linear());
        Tensor y = run(l, tensor(x, 2, 3, 4));
        double[] want = new double[2 * 3 * 2 * 5];
        for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) for (int d = 0; d < 2; d++) for (int e = 0; e < 5; e++) {
            double s = bias[d];
            for (int c = 0; c < 4; c++) s += (double) x[(a * 3 + b) * 4 + c] * k[(c * 2 + d) * 5 + e];
            want[((a * 3 + b) * 2 + d) * 5 + e] = s;
        }
        assertClose(want, y.data(), 1e-5);
        assertEquals(shape(Shape.UNKNOWN, 2, 5), l.outputShape(List.of(shape(Shape.UNKNOWN, 4))));
        assertEquals(4 * 2 * 5 + 2, l.paramCount());
    }

    @Test
    void einsumDenseAppliesItsActivationOnTheLastAxis() {
        float[] x = random(3 * 4), k = random(4 * 3);
        EinsumDense l = new EinsumDense("ed", "ab,bc->ac", shape(4), shape(4, 3), k, null, null, Activations.byName("softmax", Semantics.KERAS_3));
        float[] y = run(l, tensor(x, 3, 4)).data();
        for (int r = 0; r < 3; r++) assertEquals(1f, y[3 * r] + y[3 * r + 1] + y[3 * r + 2], 1e-6f);
        assertNamedError("ed", () -> l.outputShape(List.of(shape(5))));
    }

    @Test
    void rmsNormalizationDividesByTheRootMeanSquare() {
        // rows (3, 4) and (0, 0): rsqrt(12.5 + 1e-6) and rsqrt(0 + 1e-6), times scale (2, -1)
        RMSNormalization l = new RMSNormalization("rms", new boolean[] {true}, new float[] {2, -1}, new int[] {2}, 1e-6f);
        float[] y = run(l, tensor(new float[] {3, 4, 0, 0}, 2, 2)).data();
        double r = 1 / Math.sqrt(12.5 + 1e-6);
        assertClose(new double[] {6 * r, -4 * r, 0, 0}, y, 1e-6);
    }

    @Test
    void rmsNormalizationOverTwoAxes() {
        float[] x = random(2 * 3 * 4), scale = random(12);
        RMSNormalization l = new RMSNormalization("rms", new boolean[] {true, true}, scale, new int[] {3, 4}, 1e-3f);
        float[] y = run(l, tensor(x, 2, 3, 4)).data();
        double[] want = new double[24];
        for (int b = 0; b < 2; b++) {
            double ms = 0;
            for (int i = 0; i < 12; i++) ms += (double) x[b * 12 + i] * x[b * 12 + i] / 12;
            for (int i = 0; i < 12; i++) want[b * 12 + i] = x[b * 12 + i] / Math.sqrt(ms + 1e-3) * scale[i];
        }
        assertClose(want, y, 1e-5);
        assertNamedError("rms", () -> l.outputShape(List.of(shape(3, 5))));
    }

    @Test
    void adaptivePoolingBinsAreThePyTorchRanges() {
        // 10 cells to 4 bins: [0, 3), [2, 5), [5, 8), [7, 10); 3 cells to 5 bins: [0, 1), [0, 2), [1, 2), [1, 3), [2, 3)
        Tensor x = arange(0, 1, 10, 1);
        assertClose(new double[] {1, 3, 6, 8}, run(new AdaptiveAveragePooling1D("a", false, new int[] {4}), x).data(), 0);
        assertClose(new double[] {2, 4, 7, 9}, run(new AdaptiveMaxPooling1D("m", false, new int[] {4}), x).data(), 0);
        Tensor s = tensor(new float[] {1, 5, 3}, 1, 1, 3); // channels first
        assertClose(new double[] {1, 3, 5, 4, 3}, run(new AdaptiveAveragePooling1D("a", true, new int[] {5}), s).data(), 0);
        assertClose(new double[] {1, 5, 5, 5, 3}, run(new AdaptiveMaxPooling1D("m", true, new int[] {5}), s).data(), 0);
    }

    @Test
    void adaptivePooling2dPoolsEachAxis() {
        // 4x5 image (value 10·y + x) to 2x2: rows [0, 2), [2, 4); columns [0, 3), [2, 5)
        float[] img = new float[20];
        for (int y = 0; y < 4; y++) for (int x = 0; x < 5; x++) img[y * 5 + x] = 10 * y + x;
        Tensor t = tensor(img, 1, 4, 5, 1);
        assertClose(new double[] {6, 8, 26, 28}, run(new AdaptiveAveragePooling2D("a", false, new int[] {2, 2}), t).data(), 1e-6);
        assertClose(new double[] {12, 14, 32, 34}, run(new AdaptiveMaxPooling2D("m", false, new int[] {2, 2}), t).data(), 0);
        assertEquals(shape(3, 2, 2, 2), new AdaptiveMaxPooling3D("m", false, new int[] {3, 2, 2}).outputShape(List.of(shape(5, 4, 4, 2))));
        assertNamedError("m", () -> new AdaptiveMaxPooling2D("m", false, new int[] {2, 2}).outputShape(List.of(shape(Shape.UNKNOWN, 4, 1))));
    }

    @Test
    void centerCropResizesASmallerImageBilinearly() {
        // 2x2 -> 4x4, half-pixel centres: sources -0.25, 0.25, 0.75, 1.25 give weights 0, 0.25, 0.75, 1 between the cells
        CenterCrop l = new CenterCrop("cc", false, 4, 4);
        float[] y = run(l, tensor(new float[] {0, 1, 2, 3}, 1, 2, 2, 1)).data();
        double[] f = {0, 0.25, 0.75, 1}, want = new double[16];
        for (int r = 0; r < 4; r++) for (int c = 0; c < 4; c++) want[r * 4 + c] = f[c] + 2 * f[r];
        assertClose(want, y, 1e-6);
        // 2x4 -> 4x4: first the centred 2x2 of the target's aspect ratio (columns 1, 2), then the same resize
        float[] z = run(l, tensor(new float[] {9, 0, 1, 9, 9, 2, 3, 9}, 1, 2, 4, 1)).data();
        assertClose(want, z, 1e-6);
        // at least as large: a plain crop from ((6 - 4) / 2, (5 - 4) / 2) = (1, 0)
        float[] c = run(l, arange(0, 1, 6, 5, 1)).data();
        assertEquals(5f, c[0]);
        assertEquals(23f, c[15]);
    }

    @Test
    void groupQueryAttentionWithOneHeadPerGroupIsMultiHeadAttention() {
        int f = 6, heads = 2, dim = 3, t = 4, s = 5;
        float[] wq = random(f * heads * dim), wk = random(f * heads * dim), wv = random(f * heads * dim), wo = random(heads * dim * f);
        float[] bq = random(heads * dim), bo = random(f);
        DenseKernel q = DenseKernel.pack(wq, bq, f, heads * dim, null), k = DenseKernel.pack(wk, null, f, heads * dim, null);
        DenseKernel v = DenseKernel.pack(wv, null, f, heads * dim, null), o = DenseKernel.pack(wo, bo, heads * dim, f, null);
        MultiHeadAttention.Roles roles = new MultiHeadAttention.Roles(0, 1, -1, -1);
        GroupQueryAttention gqa = new GroupQueryAttention("gqa", heads, heads, dim, q, k, v, null, o, roles, true, false, false, 0, 0);
        MultiHeadAttention mha = new MultiHeadAttention("mha", heads, dim, dim, q, k, v, o, new int[] {f}, null, roles, true, false, 0);
        Tensor qx = tensor(random(2 * t * f), 2, t, f), vx = tensor(random(2 * s * f), 2, s, f);
        float[] want = mha.forward(List.of(qx, vx)).data();
        assertClose(toDouble(want), gqa.forward(List.of(qx, vx)).data(), 1e-5);

        // one key/value head shared by two query heads: MHA with that head's weights repeated
        float[] wk1 = random(f * dim), wv1 = random(f * dim);
        GroupQueryAttention mqa = new GroupQueryAttention("mqa", heads, 1, dim, q, DenseKernel.pack(wk1, null, f, dim, null), DenseKernel.pack(wv1, null, f, dim, null),
                null, o, roles, false, false, false, 0, 0);
        MultiHeadAttention same = new MultiHeadAttention("m", heads, dim, dim, q, DenseKernel.pack(repeatHeads(wk1, f, dim, heads), null, f, heads * dim, null),
                DenseKernel.pack(repeatHeads(wv1, f, dim, heads), null, f, heads * dim, null), o, new int[] {f}, null, roles, false, false, 0);
        assertClose(toDouble(same.forward(List.of(qx, vx)).data()), mqa.forward(List.of(qx, vx)).data(), 1e-5);
    }

    @Test
    void aFullyMaskedQueryStepAveragesOnTheDotProductPathAndIsZeroOnTheEinsumPath() {
        int f = 4, dim = 2, t = 2, s = 3;
        DenseKernel q = DenseKernel.pack(random(f * dim), null, f, dim, null), k = DenseKernel.pack(random(f * dim), null, f, dim, null);
        DenseKernel v = DenseKernel.pack(random(f * dim), null, f, dim, null), o = DenseKernel.pack(random(dim * f), new float[] {1, 2, 3, 4}, dim, f, null);
        MultiHeadAttention.Roles roles = new MultiHeadAttention.Roles(0, 1, -1, -1);
        Tensor qx = tensor(random(t * f), 1, t, f), vx = tensor(random(s * f), 1, s, f);
        List<Mask> masks = Arrays.asList(new Mask(1, t, new boolean[] {true, false}), null); // query step 1 is padding
        GroupQueryAttention dot = new GroupQueryAttention("g", 1, 1, dim, q, k, v, null, o, roles, false, false, false, 0, 0);
        GroupQueryAttention einsum = new GroupQueryAttention("g", 1, 1, dim, q, k, v, null, o, roles, false, false, true, 0, 0);
        float[] a = dot.forwardAll(List.of(qx, vx), masks).get(0).data(), b = einsum.forwardAll(List.of(qx, vx), masks).get(0).data();
        assertArrayEquals(new float[] {1, 2, 3, 4}, Arrays.copyOfRange(b, f, 2 * f)); // no weight: only the output bias
        // uniform weights: the mean of the projected values, through the output projection
        float[] vp = new float[s * dim], mean = new float[dim], out = new float[f];
        v.forward(vx.data(), 0, vp, 0, s);
        for (int j = 0; j < s; j++) for (int c = 0; c < dim; c++) mean[c] += vp[j * dim + c] / s;
        o.forward(mean, 0, out, 0, 1);
        assertClose(toDouble(out), Arrays.copyOfRange(a, f, 2 * f), 1e-5);
        assertClose(toDouble(Arrays.copyOfRange(a, 0, f)), Arrays.copyOfRange(b, 0, f), 1e-5); // the unmasked step agrees
    }

    /** A (features, dim) kernel as (features, heads·dim), the same columns for every head. */
    private static float[] repeatHeads(float[] w, int f, int dim, int heads) {
        float[] r = new float[f * heads * dim];
        for (int i = 0; i < f; i++) for (int h = 0; h < heads; h++) System.arraycopy(w, i * dim, r, (i * heads + h) * dim, dim);
        return r;
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }
}
