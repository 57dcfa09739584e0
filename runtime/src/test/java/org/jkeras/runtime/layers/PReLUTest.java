package org.jkeras.runtime.layers;

import static org.jkeras.runtime.layers.LayerTesting.assertBits;
import static org.jkeras.runtime.layers.LayerTesting.assertClose;
import static org.jkeras.runtime.layers.LayerTesting.assertNamedError;
import static org.jkeras.runtime.layers.LayerTesting.run;
import static org.jkeras.runtime.layers.LayerTesting.shape;
import static org.jkeras.runtime.layers.LayerTesting.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jkeras.runtime.Tensor;
import org.junit.jupiter.api.Test;

/** PReLU: x where x >= 0, alpha * x below; alpha per element or shared along axes (size 1 in alpha's shape). */
class PReLUTest {

    @Test
    void perElementAlpha() {
        float[] alpha = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        PReLU p = new PReLU("prelu", alpha, shape(2, 3));
        float[] x = {-1, 0, 2, -3, -0.5f, 4, /* second sample */ 5, -2, 0, 1, -1, -10};
        Tensor out = run(p, tensor(x, 2, 2, 3));
        assertEquals(shape(2, 2, 3), out.shape());
        assertBits(new float[] {
                0.1f * -1, 0, 2, 0.4f * -3, 0.5f * -0.5f, 4,
                5, 0.2f * -2, 0, 1, 0.5f * -1, 0.6f * -10}, out.data());
        assertClose(new double[] {-0.1, 0, 2, -1.2, -0.25, 4, 5, -0.4, 0, 1, -0.5, -6}, out.data(), 1e-6);
        assertEquals(6, p.paramCount());
    }

    @Test
    void sharedFirstAxis() {
        // Keras shared_axes=[1] on sample (2, 3): alpha shape (1, 3), one alpha per column
        PReLU p = new PReLU("prelu", new float[] {0.1f, 0.2f, 0.3f}, shape(1, 3));
        Tensor out = run(p, tensor(new float[] {-1, -1, -1, -2, 0, 7}, 1, 2, 3));
        assertBits(new float[] {0.1f * -1, 0.2f * -1, 0.3f * -1, 0.1f * -2, 0, 7}, out.data());
    }

    @Test
    void sharedLastAxis() {
        // Keras shared_axes=[2] on sample (2, 3): alpha shape (2, 1), one alpha per row
        PReLU p = new PReLU("prelu", new float[] {0.5f, 0.25f}, shape(2, 1));
        Tensor out = run(p, tensor(new float[] {-1, 2, -4, -1, 0, -4, /* sample 2 */ -8, -8, -8, -8, -8, -8}, 2, 2, 3));
        assertBits(new float[] {-0.5f, 2, -2, -0.25f, 0, -1, -4, -4, -4, -2, -2, -2}, out.data());
    }

    @Test
    void sharedMiddleAxisOfRank3AgainstIndexFormula() {
        // sample (2, 2, 3), alpha (2, 1, 3): alpha[i][0][k] applies to x[i][j][k]
        int n = 3;
        float[] alpha = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        float[] x = new float[n * 12];
        for (int i = 0; i < x.length; i++) x[i] = (i % 4 == 0 ? 0 : (i % 3 == 0 ? 1 : -1)) * (i + 1) * 0.5f;
        Tensor out = run(new PReLU("prelu", alpha, shape(2, 1, 3)), tensor(x, n, 2, 2, 3));
        float[] expected = new float[x.length];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    for (int k = 0; k < 3; k++) {
                        int at = b * 12 + (i * 2 + j) * 3 + k;
                        expected[at] = x[at] >= 0 ? x[at] : alpha[i * 3 + k] * x[at];
                    }
                }
            }
        }
        assertBits(expected, out.data());
    }

    @Test
    void allAxesShared() {
        PReLU p = new PReLU("prelu", new float[] {0.25f}, shape(1, 1));
        assertBits(new float[] {-0.25f, 0, 3, -1}, run(p, tensor(new float[] {-1, 0, 3, -4}, 1, 2, 2)).data());
    }

    @Test
    void errors() {
        assertNamedError("prelu_1", () -> new PReLU("prelu_1", new float[] {1, 2}, shape(1, 3)));
        assertNamedError("prelu_1", () -> new PReLU("prelu_1", new float[4], shape(1, 4)).outputShape(List.of(shape(2, 3))));
        assertNamedError("prelu_1", () -> new PReLU("prelu_1", new float[3], shape(3)).outputShape(List.of(shape(2, 3))));
    }
}
