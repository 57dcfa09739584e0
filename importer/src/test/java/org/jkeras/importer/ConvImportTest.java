package org.jkeras.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.jkeras.KerasImportException;
import org.jkeras.KerasModel;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * Convolution files of the older generations, written by the test: Keras 1 theano kernels ('th' layout, true
 * convolution, theano's 'same'), Keras 1 1-D kernels, Keras 1 keys; checked against plain loops written here.
 */
class ConvImportTest {
    @TempDir
    Path dir;

    private static float[] random(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }

    private KerasModel keras1(String backend, int[] inputShape, String layerClass, String config, Map<String, Object> weights) {
        StringBuilder shape = new StringBuilder("[null");
        for (int d : inputShape) shape.append(", ").append(d);
        String json = "{\"class_name\": \"Sequential\", \"keras_version\": \"1.2.2\", \"backend\": \"" + backend + "\", \"config\": [{\"class_name\": \""
                + layerClass + "\", \"config\": {\"name\": \"conv\", \"batch_input_shape\": " + shape + "], " + config + "}}]}";
        Path cfg = Fixtures.write(dir.resolve("m.json"), json);
        Path h5 = Fixtures.legacyWeights(dir.resolve("m_weights.h5"), Map.of("conv", weights));
        return KerasModel.load(cfg, h5);
    }

    /**
     * Theano's conv2d: a true convolution ({@code filter_flip}) of the 'th' kernel {@code W[f][c][kh][kw]}; 'same' is
     * border mode 'half' ({@code k / 2} cells each side) cropped to {@code ceil(n / s)} outputs.
     */
    private static double[] theanoConv(float[] x, int c, int h, int w, float[] kernel, float[] bias, int f, int kh, int kw, int s, boolean same) {
        int ph = same ? kh / 2 : 0, pw = same ? kw / 2 : 0;
        int oh = same ? (h + s - 1) / s : (h - kh) / s + 1, ow = same ? (w + s - 1) / s : (w - kw) / s + 1;
        double[] y = new double[f * oh * ow];
        for (int o = 0; o < f; o++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++) {
                    double acc = bias[o];
                    for (int ch = 0; ch < c; ch++)
                        for (int a = 0; a < kh; a++)
                            for (int b = 0; b < kw; b++) {
                                int r = i * s + a - ph, q = j * s + b - pw;
                                if (r < 0 || r >= h || q < 0 || q >= w) continue;
                                acc += x[(ch * h + r) * w + q] * kernel[((o * c + ch) * kh + (kh - 1 - a)) * kw + (kw - 1 - b)];
                            }
                    y[(o * oh + i) * ow + j] = acc;
                }
        return y;
    }

    private static float[][][][] th(float[] k, int f, int c, int kh, int kw) {
        float[][][][] a = new float[f][c][kh][kw];
        for (int o = 0; o < f; o++) for (int ch = 0; ch < c; ch++) for (int i = 0; i < kh; i++) for (int j = 0; j < kw; j++) a[o][ch][i][j] = k[((o * c + ch) * kh + i) * kw + j];
        return a;
    }

    @Test
    void keras1TheanoConvolution2dIsATrueConvolution() {
        int c = 2, h = 7, w = 6, f = 3;
        float[] x = random(c * h * w, 1), bias = random(f, 3);
        for (int[] kernelStride : new int[][] {{3, 3, 1}, {2, 2, 1}, {2, 3, 2}, {4, 2, 2}})
            for (boolean same : new boolean[] {false, true}) {
                int kh = kernelStride[0], kw = kernelStride[1], s = kernelStride[2];
                float[] k = random(f * c * kh * kw, kh * 10L + kw);
                String cfg = "\"nb_filter\": " + f + ", \"nb_row\": " + kh + ", \"nb_col\": " + kw + ", \"border_mode\": \"" + (same ? "same" : "valid")
                        + "\", \"subsample\": [" + s + ", " + s + "], \"dim_ordering\": \"th\", \"activation\": \"linear\", \"bias\": true";
                KerasModel m = keras1("theano", new int[] {c, h, w}, "Convolution2D", cfg, Fixtures.weights("conv_W", th(k, f, c, kh, kw), "conv_b", bias));
                Tensor y = m.predict(new Tensor(Shape.of(1, c, h, w), x))[0];
                double[] ref = theanoConv(x, c, h, w, k, bias, f, kh, kw, s, same);
                String what = kh + "x" + kw + " /" + s + (same ? " same" : " valid");
                assertEquals(ref.length, y.size(), what);
                for (int i = 0; i < ref.length; i++) assertEquals(ref[i], y.data()[i], 1e-4, what + " at " + i);
            }
    }

    @Test
    void keras1TensorflowThOrderingIsOnlyTransposed() {
        int c = 2, h = 5, w = 5, f = 2, kh = 3, kw = 2;
        float[] x = random(c * h * w, 11), k = random(f * c * kh * kw, 12), bias = random(f, 13);
        String cfg = "\"nb_filter\": 2, \"nb_row\": 3, \"nb_col\": 2, \"border_mode\": \"valid\", \"subsample\": [1, 1], \"dim_ordering\": \"th\", \"activation\": \"relu\", \"bias\": true";
        KerasModel m = keras1("tensorflow", new int[] {c, h, w}, "Convolution2D", cfg, Fixtures.weights("conv_W", th(k, f, c, kh, kw), "conv_b", bias));
        Tensor y = m.predict(new Tensor(Shape.of(1, c, h, w), x))[0];
        assertArrayEquals(new int[] {1, 2, 3, 4}, y.shape().dims());
        for (int o = 0; o < f; o++)
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 4; j++) {
                    double acc = bias[o]; // cross-correlation, no flip
                    for (int ch = 0; ch < c; ch++) for (int a = 0; a < kh; a++) for (int b = 0; b < kw; b++) acc += x[(ch * h + i + a) * w + j + b] * k[((o * c + ch) * kh + a) * kw + b];
                    assertEquals(Math.max(acc, 0), y.data()[(o * 3 + i) * 4 + j], 1e-5);
                }
    }

    @Test
    void keras1Convolution1dKernelLayouts() {
        int steps = 9, cin = 3, f = 2, k = 3;
        float[] x = random(steps * cin, 21), kern = random(k * cin * f, 22), bias = random(f, 23); // kern as (k, cin, f)
        float[][][][] v12 = new float[k][1][cin][f], v11 = new float[f][cin][k][1];
        for (int t = 0; t < k; t++) for (int ci = 0; ci < cin; ci++) for (int o = 0; o < f; o++) {
            v12[t][0][ci][o] = kern[(t * cin + ci) * f + o];
            v11[o][ci][t][0] = kern[(t * cin + ci) * f + o];
        }
        String cfg = "\"nb_filter\": 2, \"filter_length\": 3, \"border_mode\": \"same\", \"subsample_length\": 2, \"activation\": \"linear\", \"bias\": true";
        for (Object w : new Object[] {v12, v11}) {
            KerasModel m = keras1("tensorflow", new int[] {steps, cin}, "Convolution1D", cfg, Fixtures.weights("conv_W", w, "conv_b", bias));
            Tensor y = m.predict(new Tensor(Shape.of(1, steps, cin), x))[0];
            assertArrayEquals(new int[] {1, 5, 2}, y.shape().dims());
            for (int i = 0; i < 5; i++)
                for (int o = 0; o < f; o++) {
                    double acc = bias[o];
                    for (int t = 0; t < k; t++) {
                        int src = i * 2 - 1 + t; // same, stride 2 on 9: out 5, total pad 2, 1 before
                        if (src >= 0 && src < steps) for (int ci = 0; ci < cin; ci++) acc += x[src * cin + ci] * kern[(t * cin + ci) * f + o];
                    }
                    assertEquals(acc, y.data()[i * f + o], 1e-5);
                }
        }
    }

    @Test
    void keras1PoolingAndPaddingKeys() {
        // ZeroPadding2D given as a Keras 1 dict, MaxPooling2D with dim_ordering 'th', then a 1x1 identity convolution
        String json = "{\"class_name\": \"Sequential\", \"keras_version\": \"1.2.2\", \"backend\": \"tensorflow\", \"config\": ["
                + "{\"class_name\": \"ZeroPadding2D\", \"config\": {\"name\": \"zp\", \"batch_input_shape\": [null, 1, 3, 3], \"dim_ordering\": \"th\","
                + " \"padding\": {\"top_pad\": 1, \"bottom_pad\": 0, \"left_pad\": 0, \"right_pad\": 1}}},"
                + "{\"class_name\": \"MaxPooling2D\", \"config\": {\"name\": \"mp\", \"pool_size\": [2, 2], \"strides\": null, \"border_mode\": \"valid\", \"dim_ordering\": \"th\"}},"
                + "{\"class_name\": \"Convolution2D\", \"config\": {\"name\": \"conv\", \"nb_filter\": 1, \"nb_row\": 1, \"nb_col\": 1, \"dim_ordering\": \"th\","
                + " \"border_mode\": \"valid\", \"activation\": \"linear\", \"bias\": true}}]}";
        Path cfg = Fixtures.write(dir.resolve("p.json"), json);
        Path h5 = Fixtures.legacyWeights(dir.resolve("p_weights.h5"), Map.of("conv", Fixtures.weights("conv_W", new float[][][][] {{{{1f}}}}, "conv_b", new float[1])));
        KerasModel m = KerasModel.load(cfg, h5);
        float[] x = {1, -2, 3, -4, 5, -6, 7, -8, 9};
        // padded (4, 4): row 0 zeros, column 3 zeros; max over 2x2 blocks
        Tensor y = m.predict(new Tensor(Shape.of(1, 1, 3, 3), x))[0];
        assertArrayEquals(new int[] {1, 1, 2, 2}, y.shape().dims());
        assertArrayEquals(new float[] {1, 3, 7, 9}, y.data());
    }

    @Test
    void unsupportedTheanoSeparableNamesTheLayer() {
        String cfg = "\"nb_filter\": 2, \"nb_row\": 3, \"nb_col\": 3, \"depth_multiplier\": 1, \"border_mode\": \"valid\", \"dim_ordering\": \"tf\", \"bias\": true";
        KerasImportException e = org.junit.jupiter.api.Assertions.assertThrows(KerasImportException.class, () -> keras1("theano", new int[] {5, 5, 2},
                "SeparableConvolution2D", cfg, Fixtures.weights("conv_depthwise_kernel", new float[3][3][2][1], "conv_pointwise_kernel", new float[1][1][2][2], "conv_b", new float[2])));
        assertTrue(e.getMessage().contains("layer 'conv' (SeparableConvolution2D)") && e.getMessage().contains("theano"), e.getMessage());
    }
}
