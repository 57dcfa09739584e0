package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.assertClose;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** BatchNormalization.fromStatistics against gamma * (x - mean) / sqrt(var + eps) + beta in double. */
class BatchNormalizationTest {
    static final float[] GAMMA = {1.5f, -0.5f, 2f};
    static final float[] BETA = {0.1f, 0.2f, -0.3f};
    static final float[] MEAN = {0.5f, -1f, 2f};
    static final float[] VAR = {4f, 0.25f, 1f};
    static final float EPS = 1e-3f;
    static final double TOL = 1e-5;

    static float[] values(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (2.5 * Math.sin(0.9 * i + 0.2));
        return x;
    }

    static double bn(float x, int c, float[] gamma, float[] beta) {
        double g = gamma == null ? 1 : gamma[c], b = beta == null ? 0 : beta[c];
        return g * ((double) x - MEAN[c]) / Math.sqrt((double) VAR[c] + EPS) + b;
    }

    /** Keras axis=-1 on (b, 2, 3): channel = last index. */
    @Test
    void lastAxisOfRank3() {
        float[] x = values(2 * 2 * 3);
        BatchNormalization bn = BatchNormalization.fromStatistics("bn", 1, GAMMA, BETA, MEAN, VAR, EPS, 12);
        Tensor out = run(bn, tensor(x, 2, 2, 3));
        double[] expected = new double[x.length];
        for (int b = 0; b < 2; b++) {
            for (int i = 0; i < 2; i++) {
                for (int c = 0; c < 3; c++) expected[(b * 2 + i) * 3 + c] = bn(x[(b * 2 + i) * 3 + c], c, GAMMA, BETA);
            }
        }
        assertClose(expected, out.data(), TOL);
        assertEquals(12, bn.paramCount());
    }

    /** Keras axis=1 on (b, 3, 2): channel = middle index. */
    @Test
    void axis1OfRank3() {
        float[] x = values(2 * 3 * 2);
        Tensor out = run(BatchNormalization.fromStatistics("bn", 0, GAMMA, BETA, MEAN, VAR, EPS, 12), tensor(x, 2, 3, 2));
        double[] expected = new double[x.length];
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 2; k++) expected[(b * 3 + c) * 2 + k] = bn(x[(b * 3 + c) * 2 + k], c, GAMMA, BETA);
            }
        }
        assertClose(expected, out.data(), TOL);
    }

    /** Keras axis=1 on (b, 3, 2, 2), channels first. */
    @Test
    void axis1OfRank4() {
        float[] x = values(2 * 3 * 4);
        Tensor out = run(BatchNormalization.fromStatistics("bn", 0, GAMMA, BETA, MEAN, VAR, EPS, 12), tensor(x, 2, 3, 2, 2));
        double[] expected = new double[x.length];
        for (int b = 0; b < 2; b++) {
            for (int c = 0; c < 3; c++) {
                for (int k = 0; k < 4; k++) expected[(b * 3 + c) * 4 + k] = bn(x[(b * 3 + c) * 4 + k], c, GAMMA, BETA);
            }
        }
        assertClose(expected, out.data(), TOL);
    }

    @Test
    void withoutScaleAndCenter() {
        float[] x = values(2 * 3);
        Tensor out = run(BatchNormalization.fromStatistics("bn", 0, null, null, MEAN, VAR, EPS, 6), tensor(x, 2, 3));
        double[] expected = new double[x.length];
        for (int b = 0; b < 2; b++) for (int c = 0; c < 3; c++) expected[b * 3 + c] = bn(x[b * 3 + c], c, null, null);
        assertClose(expected, out.data(), TOL);
    }

    @Test
    void handChecked() {
        // gamma 2, beta 1, mean 3, var 4 - eps: (x - 3) / 2 * 2 + 1 = x - 2
        float eps = 1e-3f;
        BatchNormalization bn = BatchNormalization.fromStatistics("bn", 0, new float[] {2}, new float[] {1}, new float[] {3},
                new float[] {4 - eps}, eps, 4);
        assertClose(new double[] {-2, 1, 5}, run(bn, tensor(new float[] {0, 3, 7}, 3, 1)).data(), 1e-6);
    }

    @Test
    void channelMismatchNamesTheLayer() {
        BatchNormalization bn = BatchNormalization.fromStatistics("bn_5", 1, GAMMA, BETA, MEAN, VAR, EPS, 12);
        assertNamedError("bn_5", () -> bn.outputShape(List.of(shape(2, 4))));
        assertNamedError("bn_5", () -> bn.outputShape(List.of(shape(3))));
    }
}
