package org.jkeras.testmodels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import org.jkeras.KerasModel;
import org.jkeras.runtime.Shape;
import org.jkeras.runtime.Tensor;

/**
 * {@code avgpool_same_asym_torch_quirk}: AveragePooling2D(3, strides 2, 'same') on a 10×9 image, where SAME
 * padding is asymmetric in H (0 before, 1 after). Keras 3.15.1's torch backend recorded the average of full 3×3
 * windows over an edge-replicated image (a bug, fixed upstream later); TensorFlow, JAX and numpy average only
 * the real cells. jkeras gives the TensorFlow answer, computed here independently with plain loops.
 */
class AvgPoolSameTfSemanticsTest {
    private static final int POOL = 3, STRIDE = 2;

    @Test
    void everyFormGivesTensorFlowSemantics() throws Exception {
        GoldenCase c = GoldenCase.keras3().stream().filter(g -> g.name().equals("avgpool_same_asym_torch_quirk")).findFirst().orElseThrow();
        assertTrue(GoldenCasesTest.BACKEND_BUG_CASES.contains(c.name()), "left out of GoldenCasesTest");
        Tensor x = c.inputs().get(0).tensor();
        Tensor tf = tensorFlowAvgPoolSame(x);
        Tensor recorded = c.outputs().get(0).tensor();

        // the recorded output is the torch replicate-padding bug, and differs from TensorFlow semantics
        Compare.assertClose("recorded Keras output vs replicate padding", recordedBug(x), recorded, 1e-6, 1e-6);
        float maxDiff = 0;
        for (int i = 0; i < tf.size(); i++) maxDiff = Math.max(maxDiff, Math.abs(tf.data()[i] - recorded.data()[i]));
        assertTrue(maxDiff > 0.1f, "the recorded output should differ from TensorFlow semantics, max diff " + maxDiff);

        for (GoldenCase.Form f : c.forms()) {
            KerasModel m = f.weights() == null ? KerasModel.load(f.model()) : KerasModel.load(f.model(), f.weights());
            Tensor[] out = m.predict(x);
            assertEquals(1, out.length);
            Compare.assertClose(c.name() + "/" + f.label(), tf, out[0], 1e-6, 1e-6);
        }
    }

    /** TensorFlow: out = ceil(n / s); pad before = max((out − 1)·s + k − n, 0) / 2; mean of the window's real cells. */
    private static Tensor tensorFlowAvgPoolSame(Tensor x) {
        int b = x.shape().dim(0), h = x.shape().dim(1), w = x.shape().dim(2), c = x.shape().dim(3);
        int oh = (h + STRIDE - 1) / STRIDE, ow = (w + STRIDE - 1) / STRIDE;
        int ph = Math.max((oh - 1) * STRIDE + POOL - h, 0) / 2, pw = Math.max((ow - 1) * STRIDE + POOL - w, 0) / 2;
        float[] y = new float[b * oh * ow * c];
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int ch = 0; ch < c; ch++) {
                        double sum = 0;
                        int count = 0;
                        for (int di = 0; di < POOL; di++) {
                            for (int dj = 0; dj < POOL; dj++) {
                                int r = i * STRIDE - ph + di, q = j * STRIDE - pw + dj;
                                if (r < 0 || r >= h || q < 0 || q >= w) continue;
                                sum += x.data()[((n * h + r) * w + q) * c + ch];
                                count++;
                            }
                        }
                        y[((n * oh + i) * ow + j) * c + ch] = (float) (sum / count);
                    }
                }
            }
        }
        return new Tensor(Shape.of(b, oh, ow, c), y);
    }

    /** The torch backend's answer: the SAME pads, filled by edge replication, then full-window means. */
    private static Tensor recordedBug(Tensor x) {
        int b = x.shape().dim(0), h = x.shape().dim(1), w = x.shape().dim(2), c = x.shape().dim(3);
        int oh = (h + STRIDE - 1) / STRIDE, ow = (w + STRIDE - 1) / STRIDE;
        int ph = Math.max((oh - 1) * STRIDE + POOL - h, 0) / 2, pw = Math.max((ow - 1) * STRIDE + POOL - w, 0) / 2;
        float[] y = new float[b * oh * ow * c];
        for (int n = 0; n < b; n++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    for (int ch = 0; ch < c; ch++) {
                        double sum = 0;
                        for (int di = 0; di < POOL; di++) {
                            for (int dj = 0; dj < POOL; dj++) {
                                int r = Math.min(Math.max(i * STRIDE - ph + di, 0), h - 1), q = Math.min(Math.max(j * STRIDE - pw + dj, 0), w - 1);
                                sum += x.data()[((n * h + r) * w + q) * c + ch];
                            }
                        }
                        y[((n * oh + i) * ow + j) * c + ch] = (float) (sum / (POOL * POOL));
                    }
                }
            }
        }
        return new Tensor(Shape.of(b, oh, ow, c), y);
    }
}
